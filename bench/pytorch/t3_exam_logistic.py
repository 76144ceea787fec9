"""T3 as notebook 003 goes: the two exam scores, each divided by its column's maximum;
w ~ randn(2, 1) and b = 0 by hand with the clamped binary loss and ten steps by hand at lr 0.1;
then new w, b trained by SGD lr 1 for 1000 epochs with that loss, then new ones with
BCEWithLogitsLoss, printing epoch, loss and accuracy every 200 epochs. The pictures are left out
(the DJL side draws them). The notebook seeds with 2017; bench/parity passes the DJL side's."""
import os
import time

import numpy as np
import torch
from torch import nn

import shared

torch.manual_seed(shared.option('--seed', 2017))
DATA = os.path.join(os.path.dirname(__file__), '../../src/main/resources/datasets/two-exams.txt')

with open(DATA, 'r') as f:
    data_list = [i.split('\n')[0].split(',') for i in f.readlines()]
    data = [(float(i[0]), float(i[1]), float(i[2])) for i in data_list]

x0_max = max([i[0] for i in data])
x1_max = max([i[1] for i in data])
data = [(i[0] / x0_max, i[1] / x1_max, i[2]) for i in data]

np_data = np.array(data, dtype='float32')
x_data = torch.from_numpy(np_data[:, 0:2])
y_data = torch.from_numpy(np_data[:, -1]).unsqueeze(1)

w = torch.randn(2, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)


def logistic_regression(x):
    return torch.sigmoid(torch.mm(x, w) + b)


def binary_loss(y_pred, y):
    logits = (y * y_pred.clamp(1e-12).log() + (1 - y) * (1 - y_pred).clamp(1e-12).log()).mean()
    return -logits


y_pred = logistic_regression(x_data)
loss = binary_loss(y_pred, y_data)
print(loss.item())
hand = [loss.item()]
for i in range(10):
    # the notebook zeroes w.grad first, which is None before the first backward in today's
    # PyTorch (the notebook's 0.3 made it zeros); zeroing after the update does the same
    loss.backward()
    w.data = w.data - 0.1 * w.grad.data
    b.data = b.data - 0.1 * b.grad.data
    w.grad.data.zero_()
    b.grad.data.zero_()
    y_pred = logistic_regression(x_data)
    loss = binary_loss(y_pred, y_data)
    print(loss.item())
    hand.append(loss.item())


def train(forward, criterion, positive):
    """The notebook's 1000 updates; returns every epoch's loss and accuracy. The accuracy is
    that of the forward pass before the update, as the notebook's; positive(y_pred) says which
    rows it calls class 1."""
    optimizer = torch.optim.SGD([w, b], lr=1.)
    losses, accuracies = [], []
    start = time.time()
    for e in range(1000):
        y_pred = forward(x_data)
        loss = criterion(y_pred, y_data)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        mask = positive(y_pred).float()
        acc = (mask == y_data).sum().item() / y_data.shape[0]
        losses.append(loss.item())
        accuracies.append(acc)
        if (e + 1) % 200 == 0:
            print('epoch: {}, Loss: {:.5f}, Acc: {:.5f}'.format(e + 1, loss.item(), acc))
    print('During Time: {:.3f} s'.format(time.time() - start))
    return losses, accuracies


w = nn.Parameter(torch.randn(2, 1))
b = nn.Parameter(torch.zeros(1))
own = train(logistic_regression, binary_loss, lambda y_pred: y_pred.ge(0.5))

criterion = nn.BCEWithLogitsLoss()
w = nn.Parameter(torch.randn(2, 1))
b = nn.Parameter(torch.zeros(1))


def logistic_reg(x):
    return torch.mm(x, w) + b


# the notebook's y_pred.ge(0.5) here tests the logits, not probabilities: class 1 is a positive
# logit, as the DJL side counts it
fused = train(logistic_reg, criterion, lambda y_pred: y_pred.gt(0))
shared.report(hand=hand, loss=own[0], accuracy=own[1], fused_loss=fused[0],
                  fused_accuracy=fused[1])
