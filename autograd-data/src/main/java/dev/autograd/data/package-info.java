/**
 * Real data for training: the datasets scikit-learn ships ({@link dev.autograd.data.Datasets}:
 * iris, digits, breast cancer, diabetes), a loader for a user's own CSV files ({@link
 * dev.autograd.data.CsvDatasetReader}, on Apache Commons CSV), and the usual preparation steps: an
 * immutable {@link dev.autograd.data.Dataset} of features and targets, seeded stratified or
 * shuffled {@link dev.autograd.data.TrainTestSplit}s, a {@link dev.autograd.data.Standardizer}
 * fitted on the training part only, and seeded shuffled minibatches ({@link
 * dev.autograd.data.Dataset#minibatches}).
 *
 * <p>The datasets' licence and sources are in {@code dev/autograd/data/NOTICE} inside the jar.
 * Nothing here touches the network.
 */
package dev.autograd.data;
