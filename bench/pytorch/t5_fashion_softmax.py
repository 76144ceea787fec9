"""T5 as seed 002 (d2l, chapter 3.6) writes it: Fashion-MNIST through DataLoaders, batch 256;
W ~ N(0, 0.01) of 784 x 10 and b = 0; softmax, the network, the cross-entropy, the accuracy, the
accumulator, evaluate_accuracy, train_epoch_ch3 and minibatch SGD by hand at lr 0.1; 10 epochs
of train_ch3 with its three checks. The images are the project's cached IDX files, held as
tensors (shared.image_datasets). Left out: the Animator and predict_ch3's pictures (the DJL side
draws them). Beyond the seed, for the comparison: every epoch's figures and the start's
(below)."""
import torch
from torch.utils import data

import shared

torch.manual_seed(shared.option('--seed', 0))

batch_size = 256
mnist_train, mnist_test = shared.image_datasets('fashion-mnist')
# d2l reads with 4 workers; they change no figure (this process draws the order) and over
# tensors in memory only add their start-up
train_iter = data.DataLoader(mnist_train, batch_size, shuffle=True)
test_iter = data.DataLoader(mnist_test, batch_size, shuffle=False)

num_inputs = 784
num_outputs = 10
W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)


def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition


def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)


def cross_entropy(y_hat, y):
    return - torch.log(y_hat[range(len(y_hat)), y])


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


class Accumulator:
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def __getitem__(self, idx):
        return self.data[idx]


def evaluate_accuracy(net, data_iter):
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def train_epoch_ch3(net, train_iter, loss, updater):
    metric = Accumulator(3)
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)
        l.sum().backward()
        updater(X.shape[0])
        metric.add(float(l.sum()), accuracy(y_hat, y), y.numel())
    return metric[0] / metric[2], metric[1] / metric[2]


def start_figures(rows):
    """The untrained model's mean loss on the first rows of the training set and its test
    accuracy: figures that do not depend on the order of the batches, so that bench/parity can
    tell whether both sides start from the same weights. Draws no random numbers."""
    with torch.no_grad():
        X, y = mnist_train[:rows]
        return {'loss': cross_entropy(net(X), y).mean().item(),
                'test_accuracy': evaluate_accuracy(net, test_iter)}


start = start_figures(shared.option('--start-rows', 1000))
history = []


def train_ch3(net, train_iter, test_iter, loss, num_epochs, updater):
    for epoch in range(num_epochs):
        train_metrics = train_epoch_ch3(net, train_iter, loss, updater)
        test_acc = evaluate_accuracy(net, test_iter)
        history.append(train_metrics + (test_acc,))
        print('epoch {}: train loss {:.3f}, train accuracy {:.3f}, test accuracy {:.3f}'.format(
            epoch + 1, *history[-1]))
    train_loss, train_acc = train_metrics
    assert train_loss < 0.5, train_loss
    assert train_acc <= 1 and train_acc > 0.7, train_acc
    assert test_acc <= 1 and test_acc > 0.7, test_acc


lr = 0.1


def updater(batch_size):
    return sgd([W, b], lr, batch_size)


num_epochs = 10
train_ch3(net, train_iter, test_iter, cross_entropy, num_epochs, updater)
shared.report(start=start, loss=[h[0] for h in history], accuracy=[h[1] for h in history],
                  test_accuracy=[h[2] for h in history])
