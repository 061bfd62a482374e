package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.pprof.Function;
import org.junit.jupiter.api.Test;

/** pprof's name simplification, on names seen in real Go and C++ profiles. */
class SymbolNamesTest {
  private static String simplified(String name) {
    return SymbolNames.simplified(new Function(1, name, name, "", 0));
  }

  @Test
  void goGenericShapesLoseTheirParameterLists() {
    assertThat(
            simplified(
                "encoding/json.typeEncoder.OnceValue[go.shape.func(*encoding/json.encodeState,"
                    + " reflect.Value, encoding/json.encOpts)].func3"))
        .isEqualTo("encoding/json.typeEncoder.OnceValue[go.shape.func].func3");
  }

  @Test
  void ordinaryGoAndJavaNamesStayAsTheyAre() {
    assertThat(simplified("main.(*Cache).put")).isEqualTo("main.(*Cache).put");
    assertThat(simplified("pkg.(*List[...]).Push")).isEqualTo("pkg.(*List[...]).Push");
    assertThat(simplified("com.example.Foo.<init>")).isEqualTo("com.example.Foo.<init>");
  }

  @Test
  void demangledCppLosesParametersAndTemplates() {
    assertThat(simplified("std::vector<int, std::allocator<int> >::push_back(int const&)"))
        .isEqualTo("std::vector::push_back");
  }

  @Test
  void aNameAlreadyDifferentFromItsSystemNameIsKept() {
    assertThat(SymbolNames.simplified(new Function(1, "f", "_Z1fv", "", 0))).isEqualTo("f");
  }

  @Test
  void removeMatchingStopsAtAnUnmatchedCloseAsPprofDoes() {
    assertThat(SymbolNames.removeMatching("a(b)c)d(e)", '(', ')')).isEqualTo("ac)d(e)");
    assertThat(SymbolNames.removeMatching("a(b)c(d", '(', ')')).isEqualTo("ac(d");
  }
}
