"""T1 as seed 004 writes it: y = 2x fitted by torch.nn.Linear(1, 1), MSELoss summed, SGD lr 0.05,
epochs 0..50, loss, weight and bias recorded each epoch, then one line per epoch. The seed's
figure is left out (the DJL side draws it); the prediction for x = 4 is the SPEC's reference."""
import torch

import shared

torch.manual_seed(shared.option('--seed', 0))

# 1 prepare the data
x_data = torch.tensor([[1.0], [2.0], [3.0]])
y_data = torch.tensor([[2.0], [4.0], [6.0]])


# 2 design the model: y = x * w + b
class LinearModel(torch.nn.Module):
    def __init__(self):
        super(LinearModel, self).__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        y_pred = self.linear(x)
        return y_pred


Model = LinearModel()
# 3 loss and optimiser; reduction='sum' is the seed's size_average=False, which 1.13 deprecates
criterion = torch.nn.MSELoss(reduction='sum')
optimizer = torch.optim.SGD(Model.parameters(), lr=0.05)
# 4 training
loss_list = []
epoch_list = []
w_list = []
b_list = []
for epoch in range(0, 51, 1):
    epoch_list.append(epoch)
    y_pred = Model(x_data)
    loss = criterion(y_pred, y_data)
    loss_list.append(loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    w_list.append(Model.linear.weight.item())
    b_list.append(Model.linear.bias.item())
for e, l, w, b in zip(epoch_list, loss_list, w_list, b_list):
    print(f'epoch {e}: loss {l:.6f}, weight {w:.6f}, bias {b:.6f}')
prediction = Model(torch.tensor([[4.0]])).item()
print(f'Prediction for x = 4: {prediction:.4f}')
shared.report(loss=loss_list, weight=w_list, bias=b_list)
