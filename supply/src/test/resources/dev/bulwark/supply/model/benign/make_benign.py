# Writes the benign model files next to this script: what numpy, joblib and pickle produce for ordinary data,
# in every pickle protocol, every joblib compressor, .npy/.npz, nested archives and a legacy stacked-pickle file.
# BenignFilesTest requires that none of them gets a finding of medium or above. Regenerate with
#   python3 make_benign.py   (numpy and joblib installed; nothing here is ever loaded by the tests)
import collections, datetime, decimal, fractions, os, pickle, tarfile, uuid, zipfile
import joblib
import numpy as np

os.chdir(os.path.dirname(os.path.abspath(__file__)))
rng = np.random.default_rng(0)
arr = rng.standard_normal((8, 4)).astype(np.float32)
np.save("plain.npy", arr)
np.save("objects.npy", np.array([{"a": 1}, "text", 3.5, None], dtype=object), allow_pickle=True)
np.savez("arrays.npz", a=arr, b=np.arange(10))
np.savez_compressed("arrays_c.npz", a=arr, o=np.array([1, "x"], dtype=object))
model = {"weights": arr, "bias": np.zeros(4), "meta": {
    "created": datetime.datetime(2024, 1, 1), "version": (1, 2), "classes": np.array(["cat", "dog"]),
    "lr": decimal.Decimal("0.01"), "ratio": fractions.Fraction(1, 3), "id": uuid.UUID(int=5), "tags": {"a", "b"},
    "order": collections.OrderedDict(x=1), "counts": collections.Counter("aab"), "dd": collections.defaultdict(list),
    "c": complex(1, 2), "r": range(3), "s": slice(1, 2), "dt": np.dtype("float64"), "i": np.int64(7),
    "f": np.float32(0.5), "dq": collections.deque([1, 2])}}
for proto in range(0, 6):
    with open(f"model_p{proto}.pkl", "wb") as f:
        pickle.dump(model, f, protocol=proto)
joblib.dump(model, "model.joblib")
for comp in ["zlib", "gzip", "bz2", "xz", "lzma"]:
    joblib.dump(model, f"model_{comp}.joblib", compress=(comp, 3))
with zipfile.ZipFile("bundle.zip", "w") as z:
    z.write("model_p4.pkl")
    z.write("plain.npy")
with tarfile.open("bundle.tar.gz", "w:gz") as t:
    t.add("model_p2.pkl")
    t.add("model.joblib")
with open("legacy.bin", "wb") as f:  # legacy torch.save layout: magic, protocol, sys info, object, keys, raw data
    for part in (0x1950A86A20F9469CFC6C, 1001, {"protocol_version": 1001, "little_endian": True},
                 collections.OrderedDict(w="0"), ["0"]):
        pickle.dump(part, f, protocol=2)
    f.write(arr.tobytes())
