package org.medcoord.core.internal;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.rule.BookingRule;

/** The plugins' booking rules, bound after every feature's, so that they run last. */
final class PluginRules extends AbstractModule {
    private final ResolvedPlugins plugins;

    PluginRules(ResolvedPlugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        Multibinder<BookingRule> rules = Multibinder.newSetBinder(binder(), BookingRule.class, MedCoord.class);
        plugins.bookingRules().forEach(rule -> rules.addBinding().toInstance(rule));
    }
}
