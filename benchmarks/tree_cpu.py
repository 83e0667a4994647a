"""Run a command and print the CPU time of every process it starts, and how often none of them ran.

`/usr/bin/time` (and pytest's own durations) cannot say where a test run's time goes: Chromium's
renderer processes are not waited for by the process that started them, so their CPU time never
reaches the command's totals. This samples the command's process tree every 10 ms instead: each
process's own CPU time (kept after the process is gone or has a new parent), and whether any of
them was running or ready to run.

    python3 benchmarks/tree_cpu.py .venv/bin/pytest -n 3 --dist loadfile tests/browser/test_tools.py

On a busy machine the wall time says little; the CPU time by process kind says what the run costs.
"""
import os
import re
import resource
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def processes():
    """{pid: (state, parent pid, CPU ticks, start time, name)} for every process now."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                text = stat.read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        found[int(entry)] = (fields[0], int(fields[1]), int(fields[11]) + int(fields[12]), fields[19],
                             text[text.index("(") + 1:text.rindex(")")])
    return found


def kind(pid, name):
    """A process's name, with Chromium's process type (renderer, gpu-process ...) when it has one."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            match = re.search(rb"--type=([a-z-]+)", cmdline.read())
    except OSError:
        return name
    return f"{name} {match.group(1).decode()}" if match else name


def main(command):
    started = time.monotonic()
    run = subprocess.Popen(command)
    members, cpu, kinds = {run.pid}, {}, {}
    samples = idle = 0
    while run.poll() is None:
        now = processes()
        grown = True
        while grown:  # the tree: every process whose parent is in it (orphans stay in by pid)
            grown = False
            for pid, (_, parent, *_rest) in now.items():
                if pid not in members and parent in members:
                    members.add(pid)
                    grown = True
        states = []
        for pid in members & now.keys():
            state, _, ticks, start, name = now[pid]
            states.append(state)
            if (pid, start) not in kinds:
                kinds[pid, start] = kind(pid, name)
            cpu[pid, start] = ticks
        samples += 1
        idle += "R" not in states
        time.sleep(0.01)
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    by_kind = {}
    for key, ticks in cpu.items():
        by_kind[kinds[key]] = by_kind.get(kinds[key], 0) + ticks / TICK
    print(f"wall {wall:.0f} s; nothing running {idle / max(samples, 1):.0%} of it; CPU of the process tree "
          f"{sum(by_kind.values()):.0f} s (what /usr/bin/time would say: {usage.ru_utime + usage.ru_stime:.0f} s)",
          file=sys.stderr)
    for name, seconds in sorted(by_kind.items(), key=lambda item: -item[1])[:10]:
        print(f"  {seconds:8.1f} s  {name}", file=sys.stderr)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
