package dev.policyproof.maven;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * The jars and directories of the plugin's class realm, where shared suites are looked up. A project adds a suite by
 * declaring its jar as a {@code <dependency>} of the plugin, which puts the jar into this realm.
 */
final class SuiteClassPath {

    private SuiteClassPath() {}

    static List<Path> of(PluginDescriptor plugin) {
        List<Path> entries = new ArrayList<>();
        for (URL url : plugin.getClassRealm().getURLs()) {
            if ("file".equals(url.getProtocol())) {
                try {
                    entries.add(Path.of(url.toURI()));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("the plugin class realm has an invalid URL: " + url, e);
                }
            }
        }
        return entries;
    }
}
