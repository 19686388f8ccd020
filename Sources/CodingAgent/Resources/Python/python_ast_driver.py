import ast, json, sys

BUILTIN_EXCEPTIONS = set(n for n in dir(__builtins__) if n.endswith("Error") or n.endswith("Exception"))
DECISIONS = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.IfExp, ast.ExceptHandler, ast.With, ast.AsyncWith, ast.Assert, ast.comprehension)
NESTING = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try)
findings = []

def add(node_or_line, rule, severity, category, message):
    line = node_or_line if isinstance(node_or_line, int) else getattr(node_or_line, "lineno", 1)
    findings.append({"line": line, "rule": rule, "severity": severity, "category": category, "message": message})

def call_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None

def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + "." + node.attr if base else node.attr
    return None

def complexity(fn):
    total = 1
    for node in ast.walk(fn):
        if node is not fn and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, DECISIONS):
            total += 1
            if isinstance(node, ast.comprehension):
                total += len(node.ifs)
        elif isinstance(node, ast.BoolOp):
            total += len(node.values) - 1
        elif hasattr(ast, "match_case") and isinstance(node, ast.match_case):
            total += 1
    return total

def max_depth(node, depth=0):
    deepest = depth
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        step = 1 if isinstance(child, NESTING) else 0
        deepest = max(deepest, max_depth(child, depth + step))
    return deepest

def describe_params(fn):
    a = fn.args
    result = []
    positional = list(getattr(a, "posonlyargs", [])) + list(a.args)
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for arg, default in zip(positional, defaults):
        result.append(param(arg, default, "positional"))
    if a.vararg:
        result.append(param(a.vararg, None, "varargs"))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        result.append(param(arg, default, "keyword"))
    if a.kwarg:
        result.append(param(a.kwarg, None, "kwargs"))
    return result

def param(arg, default, kind):
    return {
        "name": arg.arg,
        "annotation": ast.unparse(arg.annotation) if arg.annotation is not None else None,
        "default": ast.unparse(default) if default is not None else None,
        "kind": kind,
    }

def raised_names(fn):
    names = []
    for node in ast.walk(fn):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = dotted(target)
            if name and name not in names:
                names.append(name)
    return names

def analyze(tree, source_lines):
    functions, classes, imports = [], [], []
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                imported[bound] = (node.lineno, alias.name)
            imports.append({"line": node.lineno, "module": ", ".join(a.name for a in node.names), "names": []})
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                if alias.name != "*":
                    imported[alias.asname or alias.name] = (node.lineno, module + "." + alias.name)
            imports.append({"line": node.lineno, "module": module, "names": [a.name for a in node.names]})

    loaded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store):
            loaded.add(node.id)
        elif isinstance(node, ast.Attribute):
            root = node
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name):
                loaded.add(root.id)
    exported = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == "__all__" and isinstance(node.value, (ast.List, ast.Tuple)):
                    exported.update(e.value for e in node.value.elts if isinstance(e, ast.Constant))
    string_names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            string_names.update(node.value.replace(".", " ").replace("[", " ").replace("]", " ").split())
    for name, (line, full) in sorted(imported.items(), key=lambda item: item[1][0]):
        if name not in loaded and name not in exported and name not in string_names and name != "annotations":
            add(line, "unused-import", "warning", "maintainability", f"`{full}` is imported but never used")

    def visit_scope(body_owner, class_name=None):
        for node in ast.iter_child_nodes(body_owner):
            if isinstance(node, ast.ClassDef):
                methods = [n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
                classes.append({
                    "name": node.name, "line": node.lineno, "end_line": node.end_lineno,
                    "bases": [ast.unparse(b) for b in node.bases], "methods": methods,
                    "kind": "class",
                })
                visit_scope(node, node.name)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                record_function(node, class_name)
                visit_scope(node, class_name)
            else:
                visit_scope(node, class_name)

    def record_function(fn, class_name):
        calls = []
        for node in ast.walk(fn):
            if isinstance(node, ast.Call):
                name = call_name(node.func)
                if name and name not in calls:
                    calls.append(name)
        decorators = [ast.unparse(d) for d in fn.decorator_list]
        params = describe_params(fn)
        functions.append({
            "name": fn.name,
            "qualified_name": f"{class_name}.{fn.name}" if class_name else fn.name,
            "container": class_name,
            "line": fn.lineno, "end_line": fn.end_lineno,
            "params": params,
            "returns": ast.unparse(fn.returns) if fn.returns is not None else None,
            "is_async": isinstance(fn, ast.AsyncFunctionDef),
            "decorators": decorators,
            "complexity": complexity(fn),
            "max_nesting": max_depth(fn),
            "calls": calls,
            "raises": raised_names(fn),
            "has_docstring": ast.get_docstring(fn) is not None,
        })
        check_function(fn, class_name, params)

    def check_function(fn, class_name, params):
        length = (fn.end_lineno or fn.lineno) - fn.lineno + 1
        if length > 50:
            add(fn, "long-function", "warning", "maintainability", f"`{fn.name}` is {length} lines long; split it into smaller functions")
        depth = max_depth(fn)
        if depth > 4:
            add(fn, "deep-nesting", "warning", "readability", f"`{fn.name}` nests blocks {depth} levels deep; return early or extract helpers")
        c = complexity(fn)
        if c > 10:
            add(fn, "high-complexity", "warning", "maintainability", f"`{fn.name}` has cyclomatic complexity {c} (above 10)")
        counted = [p for p in params if p["name"] not in ("self", "cls") and p["kind"] in ("positional", "keyword")]
        if len(counted) > 6:
            add(fn, "too-many-parameters", "info", "readability", f"`{fn.name}` takes {len(counted)} parameters; group them in a dataclass")
        for default in list(fn.args.defaults) + [d for d in fn.args.kw_defaults if d is not None]:
            if isinstance(default, (ast.List, ast.Dict, ast.Set)) or (isinstance(default, ast.Call) and call_name(default.func) in ("list", "dict", "set")):
                add(default, "mutable-default", "warning", "correctness", f"mutable default argument in `{fn.name}` is shared between calls; default to None and create it inside")
        # Unused local variables: assigned by a plain name, never read in the function.
        stores, reads = {}, set()
        nonlocal_names = set()
        for node in ast.walk(fn):
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                nonlocal_names.update(node.names)
            elif isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Store):
                    stores.setdefault(node.id, node.lineno)
                else:
                    reads.add(node.id)
        for node in ast.walk(fn):
            if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and isinstance(node.target, ast.Name):
                reads.add(node.target.id)
        for name, line in stores.items():
            if name not in reads and name not in nonlocal_names and not name.startswith("_"):
                add(line, "unused-variable", "warning", "maintainability", f"local variable `{name}` in `{fn.name}` is assigned but never used")
        if not fn.name.startswith("_") and ast.get_docstring(fn) is None and length > 10:
            add(fn, "missing-docstring", "info", "maintainability", f"public function `{fn.name}` has no docstring")

    visit_scope(tree)

    # Printing is the job of `main` functions and `if __name__ == "__main__":` blocks, not a leftover.
    output_ranges = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in ("main", "cli", "run_cli"):
            output_ranges.append((node.lineno, node.end_lineno or node.lineno))
        elif isinstance(node, ast.If) and "__name__" in ast.unparse(node.test) and "__main__" in ast.unparse(node.test):
            output_ranges.append((node.lineno, node.end_lineno or node.lineno))

    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler):
            if node.type is None:
                add(node, "bare-except", "warning", "correctness", "bare `except:` also catches KeyboardInterrupt and SystemExit; catch a specific exception")
            elif dotted(node.type) in ("Exception", "BaseException") and len(node.body) == 1 and isinstance(node.body[0], ast.Pass):
                add(node, "swallowed-exception", "warning", "correctness", "the exception is caught and silently ignored; log it or handle it")
        elif isinstance(node, ast.Call):
            name = call_name(node.func)
            if isinstance(node.func, ast.Name) and name in ("eval", "exec"):
                add(node, "eval-exec", "error", "security", f"`{name}` runs arbitrary code; use ast.literal_eval, a dispatch table or explicit parsing")
            elif isinstance(node.func, ast.Name) and name == "print" and not any(a <= node.lineno <= b for a, b in output_ranges):
                add(node, "print-debugging", "info", "readability", "`print` call; use the logging module for diagnostics")
            elif name == "breakpoint" or dotted(node.func) in ("pdb.set_trace", "ipdb.set_trace"):
                add(node, "debugger-left", "warning", "correctness", "debugger breakpoint left in the code")
            for keyword in node.keywords:
                if keyword.arg == "shell" and isinstance(keyword.value, ast.Constant) and keyword.value.value is True:
                    add(node, "shell-true", "error", "security", "subprocess with shell=True invites shell injection; pass an argument list")
                if keyword.arg == "verify" and isinstance(keyword.value, ast.Constant) and keyword.value.value is False:
                    add(node, "tls-verify-disabled", "error", "security", "TLS certificate verification is disabled")
            full = dotted(node.func) or ""
            if full in ("pickle.loads", "pickle.load", "marshal.loads"):
                add(node, "unsafe-deserialization", "error", "security", f"`{full}` on untrusted data runs arbitrary code")
            if full == "yaml.load" and not any(k.arg == "Loader" for k in node.keywords):
                add(node, "unsafe-yaml", "error", "security", "yaml.load without a safe Loader; use yaml.safe_load")
            if full in ("hashlib.md5", "hashlib.sha1"):
                add(node, "weak-hash", "warning", "security", f"`{full}` is not collision resistant; use sha256 for security purposes")
            if name == "execute" and node.args and isinstance(node.args[0], (ast.JoinedStr, ast.BinOp)):
                add(node, "sql-injection", "error", "security", "SQL built by string formatting; pass parameters separately")
        elif isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators):
                if isinstance(op, (ast.Eq, ast.NotEq)) and isinstance(right, ast.Constant) and right.value is None:
                    add(node, "compare-none", "warning", "correctness", "compare with None using `is` / `is not`, not `==` / `!=`")
                if isinstance(op, (ast.Eq, ast.NotEq)) and isinstance(right, ast.Constant) and isinstance(right.value, bool):
                    add(node, "compare-bool", "info", "readability", "comparison with True/False; test the value directly")
        elif isinstance(node, (ast.For, ast.While)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.AugAssign) and isinstance(inner.op, ast.Add) and isinstance(inner.value, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(inner.value, "value", ""), str):
                    add(inner, "string-concat-in-loop", "info", "performance", "string built with += in a loop; collect parts and ''.join them")
            if isinstance(node, ast.For) and isinstance(node.iter, ast.Call) and call_name(node.iter.func) == "range" and len(node.iter.args) == 1:
                arg = node.iter.args[0]
                if isinstance(arg, ast.Call) and call_name(arg.func) == "len":
                    add(node, "range-len", "info", "readability", "`for i in range(len(x))`; iterate directly or use enumerate()")
        elif isinstance(node, ast.Global):
            add(node, "global-statement", "info", "maintainability", "`global` makes state hard to test; pass values explicitly")
    return functions, classes, imports

def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8", errors="replace") as handle:
        source = handle.read()
    out = {"syntax_error": None, "findings": [], "functions": [], "classes": [], "imports": []}
    try:
        tree = ast.parse(source, filename="<code>")
        compile(tree, "<code>", "exec")
    except SyntaxError as error:
        out["syntax_error"] = {"line": error.lineno or 1, "column": error.offset or 1, "message": error.msg}
        print(json.dumps(out))
        return
    functions, classes, imports = analyze(tree, source.splitlines())
    out.update(findings=findings, functions=functions, classes=classes, imports=imports)
    print(json.dumps(out))

main()
