"""T4 with the whole training set held as one tensor and batches sliced by a shuffled index:
the same model, loss, optimiser and settings as the tutorial, without the DataLoader."""
import time

import common
import torch

torch.manual_seed(0)
epochs = common.option('--epochs', 5)
batch = 100

t = time.perf_counter()
x, y, x_test, y_test = (torch.from_numpy(a) for a in
                        common.arrays('mnist', common.option('--limit', 0)))
data_s = time.perf_counter() - t

model = torch.nn.Linear(784, 10)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
t = time.perf_counter()
epoch_s = []
for epoch in range(epochs):
    epoch_start = time.perf_counter()
    permutation = torch.randperm(len(x))
    for start in range(0, len(x), batch):
        index = permutation[start:start + batch]
        loss = criterion(model(x[index]), y[index])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    epoch_s.append(time.perf_counter() - epoch_start)
train_s = time.perf_counter() - t

t = time.perf_counter()
with torch.no_grad():
    accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
eval_s = time.perf_counter() - t
print('Accuracy of the model on the 10000 test images: {:.2f} %'.format(100 * accuracy))
common.report(data_s=data_s, train_s=train_s, eval_s=eval_s, accuracy=accuracy,
              epoch_s=[round(s, 3) for s in epoch_s])
