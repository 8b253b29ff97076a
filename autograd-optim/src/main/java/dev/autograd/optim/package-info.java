/**
 * Losses and optimizers on {@code dev.autograd.core.Value} graphs.
 *
 * <ul>
 *   <li>Losses, each a {@link dev.autograd.optim.Loss} as its static {@code of(predictions,
 *       targets)}: {@link dev.autograd.optim.MseLoss} (built exactly as the reference program
 *       builds it), {@link
 *       dev.autograd.optim.MaeLoss}, {@link dev.autograd.optim.HingeLoss}, {@link
 *       dev.autograd.optim.BinaryCrossEntropyLoss}, {@link dev.autograd.optim.CrossEntropyLoss}
 *       (multiclass, from logits; also with an integer class target); and the penalty {@link
 *       dev.autograd.optim.Regularization#l2}.
 *   <li>Classification metrics: {@link dev.autograd.optim.ConfusionMatrix} and its accuracy.
 *   <li>Optimizers ({@link dev.autograd.optim.Optimizer}, whose javadoc gives the call order):
 *       {@link dev.autograd.optim.Sgd} (the reference program's update, optionally with {@link
 *       dev.autograd.optim.Momentum}), {@link
 *       dev.autograd.optim.Adam}, {@link dev.autograd.optim.AdamW}.
 *   <li>Around a step: {@link dev.autograd.optim.LearningRateSchedule} and {@link
 *       dev.autograd.optim.GradientClipping}.
 *   <li>Around a run: {@link dev.autograd.optim.Trainer}, a minibatch training loop that replays
 *       one recorded example graph per example and returns a {@link dev.autograd.optim.History}
 *       of losses and metrics per epoch; {@link dev.autograd.optim.Checkpoint}, which saves and
 *       restores the parameters and the optimizer's state so that a resumed run equals an
 *       uninterrupted one.
 * </ul>
 *
 * <p>Optimizers are the only code that changes a parameter's data ({@code Value.setData}); the
 * losses build new nodes and change nothing.
 */
package dev.autograd.optim;
