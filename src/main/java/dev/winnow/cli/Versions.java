package dev.winnow.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "development" when run from classes). */
public final class Versions implements IVersionProvider {
    public static String current() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"winnow " + current()};
    }
}
