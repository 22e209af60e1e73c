package io.sluice.engine.runtime.task.expression;

import io.sluice.engine.runtime.expression.Assignment;
import io.sluice.engine.runtime.expression.ExpressionError;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;

/** Expression task: evaluates {@code @[User::Var] = expression} and stores the result. */
public final class ExpressionTaskType implements TaskType {

  @Override
  public String name() {
    return "Expression";
  }

  @Override
  public Task prepare(TaskSettings settings) {
    String text = settings.requiredString("expression");
    if (text == null) {
      return context -> {};
    }
    Assignment assignment;
    try {
      assignment = Assignment.compile(text, settings.expressions(), settings.variables());
    } catch (ExpressionError e) {
      settings.problem("expression: " + e.describe());
      return context -> {};
    }
    return context -> {
      Object value = assignment.execute(context.variables());
      context.information(assignment.variable() + " = " + value);
    };
  }
}
