package io.graphupload.transport.retrofit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentLocationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://outlook.office.com/api/v2.0/Users('oid@tid')/Messages('AAMkAD=')"
            + "/Attachments('AAMkAtt=')",
        "https://outlook.office365.com/api/v2.0/Users('oid@tid')/Messages('AAMkAD=')"
            + "/Attachments('AAMkAtt=')",
        "https://outlook.office.com/api/v1.0/Users('oid@tid')/Messages('AAMkAD=')"
            + "/Attachments('AAMkAtt=')",
        "https://outlook.office.com/api/beta/Users('oid@tid')/Messages('AAMkAD=')"
            + "/Attachments('AAMkAtt=')",
        "https://outlook.office.com/api/gv1.0/Users('oid@tid')/Messages('AAMkAD=')"
            + "/Attachments('AAMkAtt=')",
        "https://outlook.office.com/api/v2.0/Users('oid@tid')/Events('AAMkEV=')"
            + "/Attachments('AAMkAtt=')",
        "https://outlook.office.com/api/v2.0/users('oid@tid')/messages('AAMkAD=')"
            + "/attachments('AAMkAtt=')",
        "https://outlook.office.com/api/v2.0/me/Messages('AAMkAD=')/Attachments(id='AAMkAtt=')",
        "/api/v2.0/Users('oid@tid')/Messages('AAMkAD=')/Attachments('AAMkAtt%3D')",
        "https://outlook.office.com/api/v2.0/Users(%27oid%40tid%27)/Messages(%27m%27)"
            + "/Attachments(%27AAMkAtt%3D%27)",
        "https://graph.microsoft.com/v1.0/users/oid@tid/messages/AAMkAD=/attachments/AAMkAtt=",
        "  https://outlook.office.com/api/v2.0/Users('a')/Messages('b')/Attachments('AAMkAtt=')  "
      })
  void readsTheIdFromEveryFormOfLocation(String location) {
    assertThat(AttachmentLocation.attachmentId(location)).contains("AAMkAtt=");
  }

  @Test
  void keepsPlusSignsAndSlashesOfBase64Ids() {
    assertThat(
            AttachmentLocation.attachmentId(
                "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')"
                    + "/Attachments('A+b/c==')"))
        .contains("A+b/c==");
  }

  @Test
  void unescapesDoubledQuotesOfODataKeys() {
    assertThat(AttachmentLocation.attachmentId("/Users('a')/Messages('b')/Attachments('it''s')"))
        .contains("it's");
  }

  @Test
  void takesTheLastAttachmentsSegment() {
    assertThat(
            AttachmentLocation.attachmentId(
                "https://x/api/v2.0/Attachments('outer')/Items('i')/Attachments('inner')"))
        .contains("inner");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')",
        "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')/AttachmentSessions('s')",
        "https://outlook.office.com/api/v2.0/Users('a')/Messages('b')/Attachments('')",
        "not a url"
      })
  void findsNothingWhereNoAttachmentIsNamed(String location) {
    assertThat(AttachmentLocation.attachmentId(location)).isEmpty();
  }
}
