/// "Yes" and "no" in the 24 official languages of the Union, as delegations write them.
///
/// Spain answers "sí", Poland "tak", Hungary "igen", Greece "ναι"; every place that reads a
/// yes/no answer or a mark (a `yes-no` question, a matrix cell) asks this one table, folded
/// (case and diacritics ignored: "SÍ", "si", "Sí" meet).
package enum YesNo {
    /// Folded words meaning yes (with `x`, `y`, `true`, `1`).
    public static let yes: Set<String> = [
        "yes", "y", "true", "1", "x",
        "oui",  // fr
        "ja",  // de, nl, da, sv, lv (jā)
        "si",  // es (sí), it (sì)
        "sim",  // pt
        "tak",  // pl
        "ano",  // cs, sk (áno)
        "da", "да",  // ro, hr, sl; bg
        "igen",  // hu
        "jah",  // et
        "kylla",  // fi (kyllä)
        "taip",  // lt
        "ναι",  // el
        "iva",  // mt
        "ta", "sea",  // ga (tá, sea)
    ]

    /// Folded words meaning no (with `n`, `false`, `0`).
    public static let no: Set<String> = [
        "no", "n", "false", "0",  // en, es, it
        "non",  // fr, it
        "nein",  // de
        "nee",  // nl
        "nej",  // da, sv
        "nie",  // pl, sk
        "ne", "не",  // cs, hr, sl, lv (nē), lt; bg
        "nu",  // ro
        "nem",  // hu
        "ei",  // et, fi
        "οχι",  // el (όχι)
        "le",  // mt
        "nao",  // pt (não)
        "nil", "ni",  // ga (níl, ní)
    ]

    /// `true` for a yes, `false` for a no, `nil` for anything else.
    public static func read(_ text: some StringProtocol) -> Bool? {
        let key = TextFolding.key(text)
        if yes.contains(key) { return true }
        if no.contains(key) { return false }
        return nil
    }
}
