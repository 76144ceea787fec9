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
from d2l_ch3 import cross_entropy, evaluate_accuracy, sgd, softmax, train_epoch_ch3

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


def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)


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
