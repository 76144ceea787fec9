"""What the tutorial scripts share: options from the command line, the images as tensors, and
the last line that bench/parity reads, every epoch's figures as JSON."""
import json
import os
import sys

import torch
from torch.utils import data

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'peers'))
import common  # noqa: E402  (the peers' finder of the cached data)


def option(name, default):
    """--name value from the command line, else the default."""
    args = sys.argv[1:]
    return type(default)(args[args.index(name) + 1]) if name in args else default


def image_datasets(name):
    """The training and test sets of 'mnist' or 'fashion-mnist' from the project's cache, as
    TensorDatasets of (784) pixels / 255 and int64 labels. torchvision's datasets would give the
    same values (ToTensor divides the bytes by 255 in float32) and a DataLoader over either draws
    the same order, but they convert every image on every epoch: 3 to 4 times the time."""
    x, y, test_x, test_y = common.arrays(name)
    return (data.TensorDataset(torch.from_numpy(x), torch.from_numpy(y)),
            data.TensorDataset(torch.from_numpy(test_x), torch.from_numpy(test_y)))


def report(**figures):
    print('PARITY ' + json.dumps(figures), flush=True)
