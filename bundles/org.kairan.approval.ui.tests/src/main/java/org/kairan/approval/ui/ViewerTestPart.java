package org.kairan.approval.ui;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.kairan.approval.ui.nls.Messages;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The part of the tests' e4 application: a PdfViewer embedded the way a 決裁 screen embeds it. */
public final class ViewerTestPart {

    static final String ID = "org.kairan.approval.ui.tests.part.viewer";

    private final Messages messages;
    private PdfViewer viewer;

    @Inject
    public ViewerTestPart(@Translation Messages messages) {
        this.messages = messages;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = new PdfViewer(parent, SWT.NONE, messages);
    }

    @Focus
    void focus() {
        viewer.setFocus();
    }

    PdfViewer viewer() {
        return viewer;
    }

    Messages messages() {
        return messages;
    }
}
