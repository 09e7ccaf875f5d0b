package io.baton.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./baton}: the operator's command line. Exit codes: 0 fine, 1 checked and found wrong, 2 bad usage. */
@Command(name = "baton", mixinStandardHelpOptions = true, version = "baton 0.1",
        description = "Baton's command line: check draws (and, later, simulate and replay campaigns).",
        subcommands = { VerifyDrawCommand.class, CommandLine.HelpCommand.class })
public final class BatonCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs a command line on the console; answers its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line writing to {@code out} and {@code err}; answers its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new BatonCommand()).setOut(out).setErr(err);
        // a bad argument is one line and the usage hint, not a stack trace
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("baton: " + e.getMessage());
            e.getCommandLine().getErr().println("try: " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
