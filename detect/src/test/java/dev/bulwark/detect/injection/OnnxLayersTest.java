package dev.bulwark.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class OnnxLayersTest {
    private static final String LAYER_1 = "/encoder/layer.1/output/LayerNorm/Add_1_output_0";

    @Test
    void theCutModelEndsAtTheChosenLayerAndIsSmaller() throws Exception {
        byte[] model = bundledModel();
        byte[] cut = OnnxLayers.truncate(model, LAYER_1);
        assertThat(cut.length).isLessThan(model.length);
        try (var options = new OrtSession.SessionOptions();
                OrtSession session = OrtEnvironment.getEnvironment().createSession(cut, options)) {
            assertThat(session.getOutputNames()).containsExactly(LAYER_1);
            assertThat(session.getInputNames()).contains("input_ids", "attention_mask");
        }
    }

    @Test
    void anUnknownTensorOrAFileThatIsNotOnnxIsRefused() throws Exception {
        assertThatThrownBy(() -> OnnxLayers.truncate(bundledModel(), "/encoder/layer.9/output"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no node produces");
        assertThatThrownBy(() -> OnnxLayers.truncate(new byte[] {(byte) 0xFF, 0x01, 0x02}, LAYER_1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OnnxLayers.truncate(new byte[0], LAYER_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no graph");
    }

    private static byte[] bundledModel() throws Exception {
        try (InputStream in = OnnxLayersTest.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
            return in.readAllBytes();
        }
    }
}
