"""T5 as d2l writes it (chapter 3.6): torchvision's Fashion-MNIST through DataLoaders with 4
workers, batch 256; softmax, cross-entropy and minibatch SGD (lr 0.1) by hand; 10 epochs of
train_epoch_ch3 and evaluate_accuracy, with the animated plot redrawn every epoch (Agg)."""
import tempfile
import time

import common
from d2l_ch3 import cross_entropy, evaluate_accuracy, sgd, softmax, train_epoch_ch3
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import torch
import torchvision
from torch.utils import data
from torchvision import transforms

torch.manual_seed(0)
batch_size = 256
num_epochs = common.option('--epochs', 10)

t = time.perf_counter()
root = common.torchvision_root('fashion-mnist', tempfile.mkdtemp())
trans = transforms.Compose([transforms.ToTensor()])
mnist_train = torchvision.datasets.FashionMNIST(root=root, train=True, transform=trans,
                                                download=False)
mnist_test = torchvision.datasets.FashionMNIST(root=root, train=False, transform=trans,
                                               download=False)
limit = common.option('--limit', 0)
if limit:
    mnist_train = data.Subset(mnist_train, range(limit))
train_iter = data.DataLoader(mnist_train, batch_size, shuffle=True, num_workers=4)
test_iter = data.DataLoader(mnist_test, batch_size, shuffle=False, num_workers=4)
data_s = time.perf_counter() - t

num_inputs, num_outputs = 784, 10
W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)


def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)


figure, axes = plt.subplots(figsize=(3.5, 2.5))
history = []
t = time.perf_counter()
for epoch in range(num_epochs):
    train_metrics = train_epoch_ch3(net, train_iter, cross_entropy,
                                    lambda size: sgd([W, b], 0.1, size))
    test_acc = evaluate_accuracy(net, test_iter)
    history.append(train_metrics + (test_acc,))
    axes.cla()
    axes.plot(range(1, len(history) + 1), history)
    axes.set_ylim(0.3, 0.9)
    figure.canvas.draw()
train_s = time.perf_counter() - t
train_loss, train_acc, test_acc = history[-1]
print('epoch {}: train loss {:.3f}, train accuracy {:.3f}, test accuracy {:.3f}'.format(
    num_epochs, train_loss, train_acc, test_acc))
common.report(data_s=data_s, train_s=train_s, eval_s=0.0, accuracy=test_acc,
              train_loss=train_loss, train_accuracy=train_acc)
