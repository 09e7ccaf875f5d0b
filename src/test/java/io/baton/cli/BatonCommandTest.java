package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatonCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int baton(String... args) {
        return BatonCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path[] published() throws Exception {
        VerifyDrawPropertiesTest.Draw d = VerifyDrawPropertiesTest.draw(40, 25, "c0ffee", 2, 3);
        Path receipt = Files.write(dir.resolve("receipt.json"), d.receiptJson());
        Path pool = Files.write(dir.resolve("pool.txt"), d.pool());
        return new Path[] { receipt, pool };
    }

    @Test
    void verifiesAGenuineDraw() throws Exception {
        Path[] f = published();
        assertThat(baton("verify-draw", f[0].toString(), f[1].toString())).isZero();
        assertThat(out.toString()).startsWith("verified: draw week-1 of torch-2008, 40 pool lines, root ");
    }

    @Test
    void saysWhatDiffersAndExitsOne() throws Exception {
        Path[] f = published();
        String receipt = Files.readString(f[0]);
        String pool = Files.readString(f[1]);
        String firstLine = pool.substring(0, pool.indexOf('\n'));
        // one owner digit changed in the first line (still a well-formed, sorted pool)
        char last = firstLine.charAt(firstLine.length() - 1);
        String changed = firstLine.substring(0, firstLine.length() - 1) + (last == '0' ? '1' : '0');
        Files.writeString(f[1], changed + pool.substring(firstLine.length()));
        assertThat(baton("verify-draw", f[0].toString(), f[1].toString())).isEqualTo(1);
        assertThat(err.toString()).contains("NOT verified").contains("poolRoot: the receipt says");
        assertThat(receipt).contains("\"algorithm\":\"baton-draw-1\"");
    }

    @Test
    void aKeyOtherThanThePublishedOneIsFound() throws Exception {
        Path[] f = published();
        String other = io.baton.prize.domain.draw.DrawSignature.newKeys().publicKey();
        assertThat(baton("verify-draw", "--public-key", other, f[0].toString(), f[1].toString())).isEqualTo(1);
        assertThat(err.toString()).contains("publicKey: the receipt's key is not the key published at close");
    }

    @Test
    void aMissingFileExitsTwo() {
        assertThat(baton("verify-draw", dir.resolve("none.json").toString(), dir.resolve("none.txt").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read").contains("none.json");
    }

    @Test
    void badArgumentsAreOneLineAndAHint() {
        assertThat(baton("verify-draw", "only-one")).isEqualTo(2);
        assertThat(err.toString()).startsWith("baton: Missing required parameter: 'POOL'")
                .contains("try: baton verify-draw --help").doesNotContain("Exception");
        assertThat(baton("no-such-command")).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(baton("--help")).isZero();
        assertThat(out.toString()).contains("verify-draw");
        assertThat(baton("verify-draw", "--help")).isZero();
        assertThat(out.toString()).contains("RECEIPT").contains("POOL").contains("Exit status");
    }
}
