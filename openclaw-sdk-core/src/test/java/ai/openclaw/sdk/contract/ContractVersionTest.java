package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractVersionTest {
    @Test
    void parsesMajorDotMinorAsNumbers() {
        assertThat(ContractVersion.parse("1.0")).isEqualTo(new ContractVersion(1, 0));
        assertThat(ContractVersion.parse("0.0")).isEqualTo(new ContractVersion(0, 0));
        assertThat(ContractVersion.parse(" 10.25 ")).isEqualTo(new ContractVersion(10, 25));
        assertThat(ContractVersion.parse("123456789.987654321")).isEqualTo(new ContractVersion(123456789, 987654321));
        assertThat(ContractVersion.parse("1.2")).isLessThan(ContractVersion.parse("1.10"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1",
                "1.",
                ".1",
                "01.0",
                "1.01",
                "1.2.3",
                "a.b",
                "1234567890.0",
                "-1.0",
                "+1.0",
                "1.0x",
                "1 .0",
                "\uFF11.0",
                "1..0"
            })
    void refusesAnythingElseAndSaysWhichForm(String text) {
        assertThatThrownBy(() -> ContractVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not of the form MAJOR.MINOR");
        assertThat(ContractVersion.isVersion(text)).isFalse();
    }

    @Test
    void isVersionAgreesWithParse() {
        assertThat(ContractVersion.isVersion("2.14")).isTrue();
        assertThat(ContractVersion.isVersion(" 2.14")).isFalse(); // only parse strips
    }
}
