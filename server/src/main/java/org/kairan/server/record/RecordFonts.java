package org.kairan.server.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The two font files the record is printed with: IPAゴシック (labels, seals) and IPA明朝 (件名, body).
 * IPA fonts are plain TrueType, which PDFBox embeds (as a subset); Noto CJK's OpenType collections it
 * cannot. Found at a configured path or else at the first of the {@link #GOTHIC_PATHS known places}
 * (Debian's fonts-ipafont-gothic / fonts-ipafont-mincho, Fedora, Arch, Windows, macOS).
 *
 * @param gothic ipag.ttf
 * @param mincho ipam.ttf
 */
public record RecordFonts(Path gothic, Path mincho) {

    /** Where IPAゴシック is installed by the usual packages. */
    public static final List<Path> GOTHIC_PATHS = List.of(
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/ipa-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/OTF/ipag.ttf"),
            Path.of("/usr/share/fonts/TTF/ipag.ttf"),
            Path.of("C:/Windows/Fonts/ipag.ttf"),
            Path.of("/Library/Fonts/ipag.ttf"));
    /** Where IPA明朝 is installed by the usual packages. */
    public static final List<Path> MINCHO_PATHS = List.of(
            Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-mincho/ipam.ttf"),
            Path.of("/usr/share/fonts/ipa-mincho/ipam.ttf"),
            Path.of("/usr/share/fonts/OTF/ipam.ttf"),
            Path.of("/usr/share/fonts/TTF/ipam.ttf"),
            Path.of("C:/Windows/Fonts/ipam.ttf"),
            Path.of("/Library/Fonts/ipam.ttf"));

    public RecordFonts {
        Objects.requireNonNull(gothic, "gothic");
        Objects.requireNonNull(mincho, "mincho");
    }

    /**
     * The configured files, or the installed ones.
     *
     * @param gothicFile the configured ipag.ttf, {@code null} to search the known places
     * @param minchoFile the configured ipam.ttf, {@code null} to search the known places
     * @throws RecordException naming the package to install (or the configured file that is missing)
     */
    public static RecordFonts locate(Path gothicFile, Path minchoFile) throws RecordException {
        return locate(gothicFile, minchoFile, GOTHIC_PATHS, MINCHO_PATHS);
    }

    /** As {@link #locate(Path, Path)}, searching the given places. */
    static RecordFonts locate(Path gothicFile, Path minchoFile, List<Path> gothicPlaces, List<Path> minchoPlaces)
            throws RecordException {
        return new RecordFonts(
                find(gothicFile, gothicPlaces, "IPAゴシック", "ipag.ttf", "fonts-ipafont-gothic", "kairan.record.gothicFont"),
                find(minchoFile, minchoPlaces, "IPA明朝", "ipam.ttf", "fonts-ipafont-mincho", "kairan.record.minchoFont"));
    }

    /** The installed fonts. */
    public static RecordFonts installed() throws RecordException {
        return locate(null, null);
    }

    private static Path find(Path configured, List<Path> known, String fontName, String fileName, String debianPackage,
            String key) throws RecordException {
        if (configured != null) {
            if (Files.isReadable(configured)) {
                return configured;
            }
            throw new RecordException(fontName + "のファイル " + configured + " が読めません。" + key
                    + " の設定を確かめてください (the configured " + fileName + " cannot be read: check " + key + ")");
        }
        for (Path candidate : known) {
            if (Files.isReadable(candidate)) {
                return candidate;
            }
        }
        throw new RecordException(fontName + "（" + fileName + "）が見つかりません。Debian/Ubuntu ではパッケージ "
                + debianPackage + " を入れるか、" + key + " でファイルを指定してください (font " + fileName
                + " not found: install the package " + debianPackage + " or set " + key + "; looked in "
                + known.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")");
    }
}
