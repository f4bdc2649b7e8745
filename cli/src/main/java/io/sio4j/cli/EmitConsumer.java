package io.sio4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads {@code --emit EVENT [JSON ...]}: the event name, then every following argument up to the
 * next option, so that each {@code --emit} keeps its own arguments (negative numbers such as {@code
 * -1} are arguments, not options). Stateless.
 */
final class EmitConsumer implements CommandLine.IParameterConsumer {
  @Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    if (args.isEmpty() || isOption(args.peek(), commandSpec)) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(), "--emit needs an event name");
    }
    List<String> emit = new ArrayList<>();
    emit.add(args.pop());
    while (!args.isEmpty() && !isOption(args.peek(), commandSpec)) {
      emit.add(args.pop());
    }
    List<List<String>> all = argSpec.getValue();
    if (all == null) all = new ArrayList<>();
    all.add(emit);
    argSpec.setValue(all);
  }

  /** An argument is an option when it starts with '-' and names one ({@code --x=v} too). */
  private static boolean isOption(String arg, CommandSpec spec) {
    if (!arg.startsWith("-")) return false;
    int eq = arg.indexOf('=');
    String name = eq > 0 ? arg.substring(0, eq) : arg;
    return spec.findOption(name) != null || name.equals("--");
  }
}
