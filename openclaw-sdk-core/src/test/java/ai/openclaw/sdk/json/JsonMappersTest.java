package ai.openclaw.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonMappersTest {
    record Invoice(
            String id,
            Instant issuedAt,
            LocalDate due,
            OffsetDateTime paidAt,
            Duration grace,
            Optional<String> note,
            Optional<String> coupon) {}

    record Older(String id, Instant issuedAt) {}

    private final ObjectMapper json = JsonMappers.standard();

    @Test
    void javaTimeIsWrittenAsIso8601StringsAndOptionalAsItsValue() throws Exception {
        Invoice invoice = new Invoice(
                "i-1",
                Instant.parse("2026-12-02T10:15:30.123Z"),
                LocalDate.parse("2026-12-31"),
                OffsetDateTime.parse("2026-12-03T09:00:00+01:00"),
                Duration.ofDays(14),
                Optional.of("first"),
                Optional.empty());
        String written = json.writeValueAsString(invoice);
        assertThat(written)
                .isEqualTo("{\"id\":\"i-1\",\"issuedAt\":\"2026-12-02T10:15:30.123Z\",\"due\":\"2026-12-31\","
                        + "\"paidAt\":\"2026-12-03T09:00:00+01:00\",\"grace\":\"PT336H\",\"note\":\"first\","
                        + "\"coupon\":null}");
        Invoice read = json.readValue(written, Invoice.class);
        assertThat(read.issuedAt()).isEqualTo(invoice.issuedAt());
        assertThat(read.due()).isEqualTo(invoice.due());
        assertThat(read.paidAt().toInstant()).isEqualTo(invoice.paidAt().toInstant());
        assertThat(read.grace()).isEqualTo(invoice.grace());
        assertThat(read.note()).contains("first");
        assertThat(read.coupon()).isEmpty();
    }

    @Test
    void aReaderBuiltForAnOlderContractIgnoresPropertiesAddedSince() throws Exception {
        Older older = json.readValue(
                "{\"id\":\"i-1\",\"issuedAt\":\"2026-12-02T10:15:30Z\",\"addedInMinor2\":true}", Older.class);
        assertThat(older).isEqualTo(new Older("i-1", Instant.parse("2026-12-02T10:15:30Z")));
    }

    @Test
    void eachCallGivesANewMapperAndConfigureAppliesTheSameToYours() throws Exception {
        assertThat(JsonMappers.standard()).isNotSameAs(JsonMappers.standard());
        ObjectMapper yours = JsonMappers.configure(JsonMapper.builder().build());
        assertThat(yours.writeValueAsString(new Older("i-1", Instant.parse("2026-12-02T10:15:30Z"))))
                .isEqualTo("{\"id\":\"i-1\",\"issuedAt\":\"2026-12-02T10:15:30Z\"}");
    }
}
