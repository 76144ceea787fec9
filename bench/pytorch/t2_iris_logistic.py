"""T2 as seed 001 writes it: the first 100 Iris rows, w ~ randn(1, 4) and b ~ randn(1) by hand,
sigmoid(linear), binary cross-entropy (mean) on the prediction flattened to (100), the update by
hand under no_grad at lr 0.001 for 500 epochs, the train loss printed every epoch.
The rows come from the project's iris.csv (the copy scikit-learn ships, which load_iris reads),
so both sides read the same file."""
import os

import numpy as np
import torch

import shared

torch.manual_seed(shared.option('--seed', 1))
CSV = os.path.join(os.path.dirname(__file__), '../../src/main/resources/datasets/iris.csv')

# X, y = load_iris(return_X_y=True): the header row holds counts and names, not a sample
table = np.loadtxt(CSV, delimiter=',', skiprows=1)
X, y = table[:, :4], table[:, 4]
X = X[:100]
y = y[:100]
tensor_x = torch.tensor(X, dtype=torch.float32)
tensor_y = torch.tensor(y, dtype=torch.float32)
learning_rate = 0.001
epochs = 500
w = torch.randn(1, 4, requires_grad=True)
b = torch.randn(1, requires_grad=True)
losses, accuracies = [], []
for i in range(epochs):
    z = torch.nn.functional.linear(tensor_x, w, b)
    z = torch.sigmoid(z)
    loss = torch.nn.functional.binary_cross_entropy(z.reshape(-1), tensor_y, reduction='mean')
    loss.backward()
    with torch.no_grad():
        w -= learning_rate * w.grad
        b -= learning_rate * b.grad
        w.grad.zero_()
        b.grad.zero_()
    print('train loss:', loss.item())
    losses.append(loss.item())
    # beyond the seed, for the comparison: the rows this epoch's forward pass got right
    accuracies.append(((z.reshape(-1) >= 0.5).float() == tensor_y).float().mean().item())
shared.report(loss=losses, accuracy=accuracies)
