"""Writes the joblib fixtures of JoblibArraysTest (run from this folder: python3 make_fixtures.py).

Only data created here is pickled; nothing is ever loaded. The "marked" files end with an object whose
__reduce__ names builtins.eval("1 + 1"): harmless if someone did load it, but exactly the shape of a payload
placed after the raw array bytes, which the scanner must still reach.
"""
import joblib
import numpy as np


class Marker:
    def __reduce__(self):
        return (eval, ("1 + 1",))


def arrays():
    rng = np.random.default_rng(7)
    return {
        "floats": rng.standard_normal(1000),
        "fortran_ints": np.asfortranarray(np.arange(60, dtype=np.int32).reshape(6, 10)),
        "objects": np.array([{"a": 1}, "text", 3.5, None], dtype=object),
        "records": np.zeros(7, dtype=[("x", "<i4"), ("y", "<f8"), ("name", "U5")]),
        "bools": np.array([True, False, True]),
        "empty": np.zeros((0, 4)),
        "scalar": np.array(2.5),
    }


joblib.dump(arrays(), "arrays.joblib")
joblib.dump([arrays(), Marker()], "arrays-then-eval.joblib")
joblib.dump([arrays(), Marker()], "arrays-then-eval-protocol2.joblib", protocol=2)
