"""Runs notebook cells as Jupyter does: each cell's code in one shared namespace, and the repr of
the cell's last expression (if it ends in one) as the displayed value."""
import ast


def run_cell(source, namespace):
    """Executes ``source``; returns ``repr`` of its last expression's value, or None."""
    tree = ast.parse(source)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = tree.body[:-1] if last is not None else tree.body
    exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), namespace)
    if last is None:
        return None
    value = eval(compile(ast.Expression(body=last.value), "<cell>", "eval"), namespace)
    return None if value is None else repr(value)
