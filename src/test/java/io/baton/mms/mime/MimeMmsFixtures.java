package io.baton.mms.mime;

import java.nio.charset.StandardCharsets;

/** Hand-written MIME for the reader's tests: written with \n for legibility, sent with CRLF as SMTP does. */
final class MimeMmsFixtures {

    /** A JPEG's first and last markers: enough bytes to tell decoding went right. */
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
        (byte) 0xFF, (byte) 0xD9 };
    static final String JPEG_BASE64 = "/9j/4AAQSkZJRgD/2Q==";

    private MimeMmsFixtures() {
    }

    static byte[] mail(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An MM4-style MMS: multipart/related with SMIL, a JPEG and GB2312 text in quoted-printable. */
    static byte[] relatedWithSmilJpegAndGb2312Text() {
        return mail("""
                From: +8613905000001/TYPE=PLMN@mms.example.com
                To: 8613906000002/TYPE=PLMN@mms.example.com,
                 "Li Lei" <8613906000003@mms.example.com>
                Cc: +86 139 0600 0004/TYPE=PLMN@mms.example.com
                Subject: =?GB2312?B?xOO6ww==?=
                Date: Sat, 12 Jan 2008 12:00:00 +0800
                Message-ID: <m-1@mmsc.nj.example.com>
                X-Mms-Message-Type: MM4_forward.REQ
                MIME-Version: 1.0
                Content-Type: multipart/related; type="application/smil"; start="<smil>";
                 boundary="----=_Part_1"

                ------=_Part_1
                Content-Type: application/smil; charset=us-ascii
                Content-ID: <smil>
                Content-Location: smil.xml

                <smil><body><par><img src="cid:torch"/><text src="cid:words"/></par></body></smil>
                ------=_Part_1
                Content-Type: image/jpeg; name=torch.jpg
                Content-Transfer-Encoding: base64
                Content-ID: <torch>
                Content-Location: torch.jpg

                %s
                ------=_Part_1
                Content-Type: text/plain; charset=gb2312
                Content-Transfer-Encoding: quoted-printable
                Content-ID: <words>

                =C4=E3=BA=C3 #=BB=F0=BE=E62008#
                ------=_Part_1--
                """.formatted(JPEG_BASE64));
    }

    /** A handset mail: multipart/mixed, UTF-8 subject in Q words, RFC 2047 and RFC 2231 file names. */
    static byte[] mixedWithEncodedNames() {
        return mail("""
                From: "Han Meimei" <8613905000009@mms.example.com>
                To: campaign@baton.example
                Subject: =?UTF-8?B?54Gr54Ks5o6l5Yqb?= =?UTF-8?Q?_2008?=
                Date: 12 Jan 2008 04:00:00 GMT
                Message-ID: <abc@handset>
                Content-Type: multipart/mixed; boundary=XYZ

                preamble that nobody reads
                --XYZ
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                %s
                --XYZ
                Content-Type: image/jpeg; name="=?GBK?B?sMLUyy5qcGc=?="
                Content-Transfer-Encoding: base64

                %s
                --XYZ
                Content-Type: image/jpeg
                Content-Disposition: attachment; filename*=UTF-8''%%E7%%81%%AB.jpg
                Content-Transfer-Encoding: base64

                %s
                --XYZ--
                epilogue
                """.formatted(new String("转发 #火炬接力2008#".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                JPEG_BASE64, JPEG_BASE64));
    }

    /** A carrier mail: alternative of plain text and a related HTML page with the picture and a logo. */
    static byte[] alternativeWithRelatedHtml() {
        return mail("""
                From: 2068675309@tmomail.example
                To: campaign@baton.example
                Subject: =?ISO-8859-1?Q?G=E9orgie?=
                Content-Type: multipart/alternative; boundary="outer"

                --outer
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Caf=E9 #torch2008#
                --outer
                Content-Type: multipart/related; boundary="inner"

                --inner
                Content-Type: text/html; charset=ISO-8859-1

                <html><body><img src="cid:pic"/><p>Caf&eacute; #torch2008#</p><img src="cid:logo"/></body></html>
                --inner
                Content-Type: image/jpeg
                Content-ID: <pic>
                Content-Transfer-Encoding: base64

                %s
                --inner
                Content-Type: image/gif; name=dottedline600.gif
                Content-ID: <logo>
                Content-Transfer-Encoding: base64

                R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=
                --inner--
                --outer--
                """.formatted(JPEG_BASE64));
    }
}
