"""T4 as the tutorial writes it: torchvision's MNIST through a DataLoader, batch 100, shuffled,
SGD lr 0.001, 5 epochs, then the accuracy on the 10000 test images."""
import tempfile
import time

import common
import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as transforms

torch.manual_seed(0)
input_size, num_classes = 784, 10
num_epochs = common.option('--epochs', 5)
batch_size, learning_rate = 100, 0.001

t = time.perf_counter()
root = common.torchvision_root('mnist', tempfile.mkdtemp())
train_dataset = torchvision.datasets.MNIST(root=root, train=True,
                                           transform=transforms.ToTensor(), download=False)
test_dataset = torchvision.datasets.MNIST(root=root, train=False,
                                          transform=transforms.ToTensor())
limit = common.option('--limit', 0)
if limit:
    train_dataset = torch.utils.data.Subset(train_dataset, range(limit))
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=batch_size,
                                           shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=batch_size,
                                          shuffle=False)
data_s = time.perf_counter() - t

model = nn.Linear(input_size, num_classes)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

t = time.perf_counter()
total_step = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, 28 * 28)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i + 1) % 100 == 0:
            print('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}'
                  .format(epoch + 1, num_epochs, i + 1, total_step, loss.item()))
train_s = time.perf_counter() - t

t = time.perf_counter()
with torch.no_grad():
    correct = 0
    total = 0
    for images, labels in test_loader:
        images = images.reshape(-1, 28 * 28)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum()
accuracy = float(correct) / total
print('Accuracy of the model on the 10000 test images: {} %'.format(100 * accuracy))
eval_s = time.perf_counter() - t
common.report(data_s=data_s, train_s=train_s, eval_s=eval_s, accuracy=accuracy)
