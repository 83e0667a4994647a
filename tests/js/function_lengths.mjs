// Prints, as JSON, every function in the JavaScript files named on the command line:
// [{file, name, line, lines, scope}], for tests/test_function_length.py. acorn parses each file as a
// module, or as a classic script when it is not one (the site's own scripts); a placeholder the
// site build fills in ({{FILES}} in the service worker's template) reads as a number.
import { readFileSync } from "node:fs";
import * as acorn from "acorn";
import * as walk from "acorn-walk";

function parse(text) {
  const options = { ecmaVersion: "latest", locations: true, allowHashBang: true };
  try {
    return acorn.parse(text, { ...options, sourceType: "module" });
  } catch {
    return acorn.parse(text, { ...options, sourceType: "script" });
  }
}

const found = [];
for (const file of process.argv.slice(2)) {
  const names = new Map();
  const tree = parse(readFileSync(file, "utf8").replace(/\{\{[A-Z_]+\}\}/g, "0"));
  walk.fullAncestor(tree, (node, _state, ancestors) => {
    if (node.type === "VariableDeclarator" && node.init) names.set(node.init, node.id.name);
    if ((node.type === "Property" || node.type === "MethodDefinition") && node.value) {
      names.set(node.value, node.key.name || node.key.value);
    }
    if (!/Function/.test(node.type)) return;
    const parent = ancestors[ancestors.length - 2];
    const called = parent && parent.type === "CallExpression" && parent.callee === node;
    // (function () { ... })(); as a statement of the file itself: a classic script's scope, the
    // same as a module's top level, and not a function anyone reads as one.
    const scope = called && ancestors.length === 4 && ancestors[1].type === "ExpressionStatement";
    const name = (node.id && node.id.name) || names.get(node) || (scope ? "the script's scope" : "function");
    found.push({ file, name, line: node.loc.start.line, lines: node.loc.end.line - node.loc.start.line + 1, scope });
  });
}
process.stdout.write(JSON.stringify(found));
