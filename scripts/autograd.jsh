// autograd in JShell: the library's packages imported, and two helpers for learning backprop.
// Opened by: jshell --class-path autograd-examples/target/autograd-examples.jar \
//              --startup DEFAULT --startup scripts/autograd.jsh
import dev.autograd.core.*;
import dev.autograd.nn.*;
import dev.autograd.optim.*;
import dev.autograd.data.*;

// Prints value's graph as an indented tree: each node's op, data and grad.
void draw(Value value) { System.out.print(GraphTree.render(value)); }

// Runs value.backward() and prints each chain-rule step of it.
void trace(Value value) { System.out.print(BackwardTrace.run(value)); }
