package org.kairan.app.directory;

import java.text.MessageFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.AppConstants;
import org.kairan.app.admin.AccountActions;
import org.kairan.app.directory.DirectoryNode.PostNode;
import org.kairan.app.directory.DirectoryNode.UnitNode;
import org.kairan.app.nls.Messages;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.StaffMember;
import org.kairan.ui.DateDisplay;

/**
 * The right-hand panel: the selected person's 氏名, かな, 所属, 役職 and posts (and, for an administrator,
 * the {@link AccountActions} on that person), or the selected unit.
 */
final class DirectoryDetail {

    private final Composite panel;
    private final Messages messages;
    private final DirectoryLabels labels;
    private final DateDisplay dates;
    private final AccountActions accountActions;

    DirectoryDetail(Composite parent, Messages messages, DateDisplay dates, AccountActions accountActions) {
        this.messages = messages;
        this.labels = new DirectoryLabels(messages);
        this.dates = dates;
        this.accountActions = accountActions;
        panel = new Composite(parent, SWT.NONE);
        panel.setData(AppConstants.WIDGET_ID, AppConstants.ID_DIRECTORY_DETAIL);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 10).spacing(12, 6).applyTo(panel);
        clear();
    }

    Control control() {
        return panel;
    }

    void clear() {
        reset();
        Label hint = new Label(panel, SWT.WRAP);
        hint.setText(messages.directory_selectHint);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(240, SWT.DEFAULT).applyTo(hint);
        panel.layout(true, true);
    }

    void show(DirectoryNode node, DirectoryTreeModel model) {
        reset();
        switch (node) {
            case PostNode post -> showPerson(post.member(), model);
            case UnitNode unit -> showUnit(unit.unit(), model);
        }
        panel.layout(true, true);
    }

    private void showPerson(StaffMember member, DirectoryTreeModel model) {
        heading(member.name());
        row(messages.directory_detailKana, member.kana());
        row(messages.directory_detailStaffNo, member.staffNo());
        List<Assignment> posts = model.postsOf(member.staffNo());
        posts.stream().filter(p -> p.kind() == AssignmentKind.PRIMARY).findFirst().ifPresent(primary -> {
            row(messages.directory_detailUnit, path(primary.unitCode(), model));
            row(messages.directory_detailPosition, primary.position());
        });
        if (!member.email().isEmpty()) {
            row(messages.directory_detailMail, member.email());
        }
        String allPosts = posts.stream().map(p -> MessageFormat.format(messages.directory_postSince,
                unitName(p.unitCode(), model) + " " + p.position()
                        + (p.kind() == AssignmentKind.CONCURRENT ? "（" + messages.directory_concurrent + "）" : ""),
                dates.date(p.effectiveFrom()))).collect(Collectors.joining("\n"));
        if (!allPosts.isEmpty()) {
            row(messages.directory_detailPosts, allPosts);
        }
        accountActions.addTo(panel, member);
    }

    private void showUnit(OrgUnit unit, DirectoryTreeModel model) {
        heading(unit.name());
        if (!unit.kana().isEmpty()) {
            row(messages.directory_detailKana, unit.kana());
        }
        row(messages.directory_detailKind, labels.unitKind(unit.kind()));
        row(messages.directory_detailCode, unit.code());
        row(messages.directory_detailUnit, path(unit.code(), model));
        row(messages.directory_detailMembers,
                MessageFormat.format(messages.directory_members, model.headcount(unit.code())));
    }

    private static String path(String unitCode, DirectoryTreeModel model) {
        return model.directory().pathTo(unitCode).stream().map(OrgUnit::name).collect(Collectors.joining(" › "));
    }

    private static String unitName(String unitCode, DirectoryTreeModel model) {
        return model.directory().unit(unitCode).map(OrgUnit::name).orElse(unitCode);
    }

    private void heading(String text) {
        Label label = new Label(panel, SWT.NONE);
        label.setText(text);
        label.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 0).applyTo(label);
    }

    private void row(String caption, String value) {
        Label key = new Label(panel, SWT.NONE);
        key.setText(caption);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(key);
        Text text = new Text(panel, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        text.setText(value == null ? "" : value);
        text.setBackground(panel.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(text);
    }

    private void reset() {
        for (Control child : panel.getChildren()) {
            child.dispose();
        }
    }
}
