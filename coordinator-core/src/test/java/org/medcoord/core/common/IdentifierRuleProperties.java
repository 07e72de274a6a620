package org.medcoord.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.medcoord.api.common.Identifiers;
import org.medcoord.api.common.InvalidRequestException;

/** The identifier rule accepts exactly 1 to 64 characters of ASCII letters, digits and . _ : - */
class IdentifierRuleProperties {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Property(tries = 2000)
    void accepts_exactly_what_the_documented_rule_allows(@ForAll @StringLength(max = 70) String any) {
        check(any);
    }

    @Property(tries = 2000)
    void accepts_exactly_what_the_documented_rule_allows_near_its_alphabet(
            @ForAll @StringLength(min = 1, max = 66) @CharRange(from = '*', to = '~') @Chars({' ', 'é', '\u0130'})
            String near) {
        check(near);
    }

    private static void check(String value) {
        boolean valid = RULE.matcher(value).matches() && !value.isBlank();
        if (valid) {
            assertThat(Identifiers.check("id", value)).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> Identifiers.check("id", value)).isInstanceOf(InvalidRequestException.class);
        }
    }
}
