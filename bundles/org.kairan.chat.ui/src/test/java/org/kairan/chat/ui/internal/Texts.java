package org.kairan.chat.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.PropertyResourceBundle;

import org.kairan.chat.ui.nls.Messages;

/** The view's Messages filled from this bundle's properties, as e4's @Translation fills them. */
final class Texts {

    private Texts() {
    }

    static Messages of(String file) {
        try (InputStream in = Files.newInputStream(Path.of("OSGI-INF/l10n", file))) {
            PropertyResourceBundle bundle = new PropertyResourceBundle(in);
            Messages messages = new Messages();
            for (Field field : Messages.class.getFields()) {
                field.set(messages, bundle.getString(field.getName()));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    static Messages japanese() {
        return of("bundle.properties");
    }

    static Messages english() {
        return of("bundle_en.properties");
    }
}
