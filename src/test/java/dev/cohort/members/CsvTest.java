package dev.cohort.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<List<String>> all(String text) {
        Csv csv = new Csv(text);
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = csv.next(); r != null; r = csv.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void plain_cells_are_split_on_commas_and_lines_end_with_crlf_lf_or_cr() {
        assertThat(all("a,b\r\nc,d\ne,f\rg,h")).containsExactly(List.of("a", "b"), List.of("c", "d"),
                List.of("e", "f"), List.of("g", "h"));
    }

    @Test
    void quoted_cells_hold_commas_line_breaks_and_doubled_quotes() {
        assertThat(all("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nx,,\"\"")).containsExactly(
                List.of("a,b", "say \"hi\"", "two\r\nlines"), List.of("x", "", ""));
    }

    @Test
    void blank_lines_and_a_byte_order_mark_are_ignored() {
        assertThat(all("\uFEFFemail\n\n\r\nada@example.com\n\n")).containsExactly(List.of("email"),
                List.of("ada@example.com"));
    }

    @Test
    void record_lines_are_counted_as_an_editor_shows_them() {
        Csv csv = new Csv("h\n\"multi\nline\"\n\nlast");
        csv.next();
        assertThat(csv.line()).isEqualTo(1);
        csv.next();
        assertThat(csv.line()).isEqualTo(2);
        csv.next();
        assertThat(csv.line()).isEqualTo(5);
    }

    @Test
    void an_unclosed_quote_names_the_line_and_column_where_it_opened() {
        assertThatThrownBy(() -> all("a,b\nc,\"open\nstill open"))
                .isInstanceOfSatisfying(Csv.FormatException.class, e -> {
                    assertThat(e.line).isEqualTo(2);
                    assertThat(e.column).isEqualTo(3);
                });
    }

    @Test
    void text_after_a_closing_quote_is_malformed() {
        assertThatThrownBy(() -> all("\"a\"b,c")).isInstanceOf(Csv.FormatException.class);
    }

    @Test
    void bytes_that_are_not_utf8_are_reported_on_their_line() {
        byte[] bytes = "email\nada@example.com\nb\u00e9@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Csv.decode(bytes))
                .isInstanceOfSatisfying(Csv.FormatException.class, e -> assertThat(e.line).isEqualTo(3));
        assertThat(Csv.decode("é,ü".getBytes(StandardCharsets.UTF_8))).isEqualTo("é,ü");
    }
}
