"""What the peer scripts share: the project's verified data cache, and how they report."""
import json
import os
import sys
import time

import numpy as np

START = time.perf_counter()

CACHE = os.environ.get('LINEARMODELS_DATA_DIR') or os.path.join(
    os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache'), 'djl-linear-models')
ARTIFACTS = {'mnist': 'mnist', 'fashion-mnist': 'fashmnist'}
FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte',
         't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']


def directory(dataset):
    """Where ./run FetchData put the four IDX files (checked against their md5s there)."""
    return os.path.join(CACHE, 'dataset/cv/ai/djl/basicdataset', ARTIFACTS[dataset], '1.0')


def arrays(dataset, limit=None):
    """Train and test images as (n, 784) float32 in [0, 1] and labels as int64, via numpy."""
    d = directory(dataset)
    def images(name):
        return np.fromfile(os.path.join(d, name), dtype=np.uint8, offset=16).reshape(-1, 784)
    def labels(name):
        return np.fromfile(os.path.join(d, name), dtype=np.uint8, offset=8).astype(np.int64)
    x, y = images(FILES[0]), labels(FILES[1])
    if limit:
        x, y = x[:limit], y[:limit]
    return (x.astype(np.float32) / 255, y,
            images(FILES[2]).astype(np.float32) / 255, labels(FILES[3]))


def torchvision_root(dataset, root):
    """A root torchvision's MNIST / FashionMNIST classes read without downloading: links to
    the cached files in <root>/<Class>/raw/."""
    raw = os.path.join(root, {'mnist': 'MNIST', 'fashion-mnist': 'FashionMNIST'}[dataset], 'raw')
    os.makedirs(raw, exist_ok=True)
    for name in FILES:
        link = os.path.join(raw, name)
        if not os.path.exists(link):
            os.symlink(os.path.join(directory(dataset), name), link)
    return root


def report(**figures):
    """The last line the benchmark reads: seconds per phase and the figures reached."""
    figures['script_s'] = time.perf_counter() - START
    print('BENCH ' + json.dumps(figures), flush=True)


def option(name, default):
    """--name value from the command line, else the default."""
    args = sys.argv[1:]
    return type(default)(args[args.index(name) + 1]) if name in args else default
