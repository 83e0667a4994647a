// Runs functions of checklist.js in Node for tests/test_front_end_logic.py.
// Reads {"module": path, "storage": {...}, "quota": n (optional), "calls": [[name, [args...]], ...]} on stdin and prints
// each call's result (or error message) and the storage afterwards, as JSON.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const input = JSON.parse(readFileSync(0, "utf8"));
const store = new Map(Object.entries(input.storage || {}));
globalThis.window = {
  localStorage: {
    get length() { return store.size; },
    key: (i) => [...store.keys()][i] ?? null,
    getItem: (key) => (store.has(key) ? store.get(key) : null),
    setItem: (key, value) => {
      // input.quota: the most characters storage holds (keys and values), as a full browser does.
      const size = [...store].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
      if (input.quota !== undefined && size + key.length + String(value).length > input.quota) {
        throw new Error("QuotaExceededError: the quota has been exceeded");
      }
      store.set(key, String(value));
    },
    removeItem: (key) => { store.delete(key); },
  },
};
const logic = await import(pathToFileURL(input.module).href);
const results = input.calls.map(([name, args]) => {
  try {
    // {"$bytes": base64}: a file's bytes, as the page reads them (file.arrayBuffer()).
    const value = logic[name](...args.map((arg) => (arg && arg.$bytes !== undefined ? Buffer.from(arg.$bytes, "base64") : arg)));
    return { value: value === undefined ? null : value };
  } catch (error) {
    return { error: error.message, kind: error.constructor.name };
  }
});
console.log(JSON.stringify({ results, storage: Object.fromEntries(store) }));
