package dev.bulwark.supply.deps.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.deps.Ecosystem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TyposquatDetectorTest {
    private final TyposquatDetector detector = new TyposquatDetector(PopularPackages.bundled());

    @ParameterizedTest(name = "{0} imitates {1} by {2}")
    @CsvSource({
            "tensorfllow, tensorflow, EDIT_DISTANCE",
            "trasnformers, transformers, EDIT_DISTANCE",
            "numpyy, numpy, EDIT_DISTANCE",
            "scikitlearn, scikit-learn, SEPARATOR",
            "huggingfacehub, huggingface-hub, SEPARATOR",
            "0penai, openai, HOMOGLYPH",
            "pandaѕ, pandas, EDIT_DISTANCE",
            "tourch, torch, EDIT_DISTANCE",
            "python-openai, openai, AFFIX",
            "langchain-py, langchain, AFFIX",
            "sentence-transformer, sentence-transformers, EDIT_DISTANCE",
            "safetensor, safetensors, EDIT_DISTANCE",
            "lang-chain, langchain, SEPARATOR",
            "dlffusers, diffusers, HOMOGLYPH",
    })
    void flagsPyPiLookalikes(String name, String popular, Lookalike.Technique technique) {
        assertThat(detector.check(Ecosystem.PYPI, name)).hasValueSatisfying(l -> {
            assertThat(l.popular()).isEqualTo(popular);
            assertThat(l.technique()).isEqualTo(technique);
        });
    }

    @ParameterizedTest
    @CsvSource({"@anthropic/sdk, @anthropic-ai/sdk, SCOPE", "opneai, openai, EDIT_DISTANCE", "langchian, langchain, EDIT_DISTANCE"})
    void flagsNpmLookalikes(String name, String popular, Lookalike.Technique technique) {
        assertThat(detector.check(Ecosystem.NPM, name)).hasValueSatisfying(l -> {
            assertThat(l.popular()).isEqualTo(popular);
            assertThat(l.technique()).isEqualTo(technique);
        });
    }

    @ParameterizedTest
    @CsvSource({"torch", "Scikit_Learn", "transformers", "requests", "scapy", "torchx", "jaxlib", "numba", "protobuf",
            "attrs", "ray", "six", "boto", "httpx", "onnx", "rich", "typer"})
    void leavesRealPackagesAlone(String name) {
        assertThat(detector.check(Ecosystem.PYPI, name)).isEmpty();
    }

    @Test
    void everyPopularNameIsItselfClean() {
        for (Ecosystem e : Ecosystem.values()) {
            for (String name : PopularPackages.bundled().popular(e)) assertThat(detector.check(e, name)).as(name).isEmpty();
        }
        assertThat(PopularPackages.bundled().popular(Ecosystem.PYPI)).hasSizeGreaterThan(150);
        assertThat(PopularPackages.bundled().popular(Ecosystem.NPM)).contains("@anthropic-ai/sdk", "openai", "langchain");
    }

    @Test
    void distanceIsOptimalStringAlignment() {
        assertThat(TyposquatDetector.distance("torch", "troch", 3)).isEqualTo(1);
        assertThat(TyposquatDetector.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(TyposquatDetector.distance("abc", "xyz", 1)).isEqualTo(2);
    }

    @Property
    void distanceIsSymmetricAndBounded(@ForAll @AlphaChars @StringLength(max = 20) String a,
                                       @ForAll @AlphaChars @StringLength(max = 20) String b) {
        int limit = 25;
        int d = TyposquatDetector.distance(a, b, limit);
        assertThat(d).isEqualTo(TyposquatDetector.distance(b, a, limit));
        assertThat(d).isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
        assertThat(d == 0).isEqualTo(a.equals(b));
    }

    @Property
    void neverThrowsOnHostileNames(@ForAll @StringLength(max = 300) String name) {
        detector.check(Ecosystem.PYPI, name);
        detector.check(Ecosystem.NPM, name);
    }
}
