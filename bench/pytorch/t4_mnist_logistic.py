"""T4 as seed 000 writes it: MNIST through DataLoaders (batch 100, the training set
shuffled), nn.Linear(784, 10), CrossEntropyLoss, SGD lr 0.001, 5 epochs, the loss every 100
steps, then the accuracy on the 10000 test images. The images are the project's cached IDX
files (the ones ./run FetchData checked), held as tensors (shared.image_datasets). Beyond the
seed, for the comparison: each epoch's mean loss and accuracy on the batches, and the start's
figures (below). torch.save is left out."""
import torch
import torch.nn as nn

import shared

torch.manual_seed(shared.option('--seed', 0))
input_size = 784
num_classes = 10
num_epochs = 5
batch_size = 100
learning_rate = 0.001

train_dataset, test_dataset = shared.image_datasets('mnist')
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=batch_size,
                                           shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=batch_size,
                                          shuffle=False)

model = nn.Linear(input_size, num_classes)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)


def test():
    with torch.no_grad():
        correct = 0
        total = 0
        for images, labels in test_loader:
            images = images.reshape(-1, 28 * 28)
            outputs = model(images)
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum()
    return float(correct) / total


def start_figures(rows):
    """The untrained model's mean loss on the first rows of the training set and its test
    accuracy: figures that do not depend on the order of the batches, so that bench/parity can
    tell whether both sides start from the same weights. Draws no random numbers."""
    with torch.no_grad():
        images, labels = train_dataset[:rows]
        return {'loss': criterion(model(images), labels).item(), 'test_accuracy': test()}


start = start_figures(shared.option('--start-rows', 1000))

total_step = len(train_loader)
epoch_loss, epoch_accuracy = [], []
for epoch in range(num_epochs):
    loss_sum, correct, seen = 0.0, 0, 0
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, 28 * 28)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * labels.size(0)
        correct += (outputs.argmax(1) == labels).sum().item()
        seen += labels.size(0)
        if (i + 1) % 100 == 0:
            print('Epoch [{}/{}], Step [{}/{}], Loss: {:.4f}'
                  .format(epoch + 1, num_epochs, i + 1, total_step, loss.item()))
    epoch_loss.append(loss_sum / seen)
    epoch_accuracy.append(correct / seen)

accuracy = test()
print('Accuracy of the model on the 10000 test images: {} %'.format(100 * accuracy))
shared.report(start=start, loss=epoch_loss, accuracy=epoch_accuracy, test_accuracy=accuracy)
