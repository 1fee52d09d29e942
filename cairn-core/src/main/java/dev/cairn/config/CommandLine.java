package dev.cairn.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The logging options an application's {@code main} hands to {@code Logging.configureFromArgs}:
 * {@code --log-level LEVEL} (the root), {@code --log-level LOGGER=LEVEL} (repeatable),
 * {@code --log-config FILE} and {@code --log-format json|text|FORMAT}, each also written
 * {@code --option=value}. Everything else, and everything after {@code --}, is left for the
 * application in its original order.
 */
final class CommandLine {
    final Path configFile;
    final Overrides overrides;
    final String[] remaining;

    private CommandLine(Path configFile, Overrides overrides, String[] remaining) {
        this.configFile = configFile;
        this.overrides = overrides;
        this.remaining = remaining;
    }

    /** @throws ConfigException for a missing value, an unknown level or a bad format, naming the option */
    static CommandLine parse(String[] args) {
        Overrides.Builder overrides = new Overrides.Builder("command line");
        Path file = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                rest.addAll(Arrays.asList(args).subList(i, args.length));
                break;
            }
            String option = arg.contains("=") && arg.startsWith("--log-") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!option.equals("--log-level") && !option.equals("--log-config") && !option.equals("--log-format")) {
                rest.add(arg);
                continue;
            }
            String value;
            if (!option.equals(arg)) {
                value = arg.substring(option.length() + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigException(option, "needs a value", "command line", 0, null);
            }
            switch (option) {
                case "--log-config":
                    file = Path.of(value);
                    break;
                case "--log-format":
                    overrides.format(value, option, "command line " + option + " " + value);
                    break;
                default:
                    int eq = value.indexOf('=');
                    String logger = eq < 0 ? "" : value.substring(0, eq).strip();
                    overrides.level(logger, eq < 0 ? value : value.substring(eq + 1), option, "command line " + option + " " + value);
            }
        }
        return new CommandLine(file, overrides.build(), rest.toArray(new String[0]));
    }
}
