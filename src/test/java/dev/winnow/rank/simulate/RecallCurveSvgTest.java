package dev.winnow.rank.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class RecallCurveSvgTest {
    @Test
    void untrustedTextIsEscapedAndTheSvgIsWellFormed() throws Exception {
        String svg = RecallCurveSvg.render("<script>alert('x')</script> & \"more\"",
                List.of(new RecallCurveSvg.Curve("run <1>", new boolean[] {true, false, true, false})));
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("run &lt;1&gt;");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent())
                .isEqualTo("<script>alert('x')</script> & \"more\"");
    }
}
