package org.kairan.app.directory;

import org.kairan.app.directory.DirectoryNode.PostNode;
import org.kairan.app.directory.DirectoryNode.UnitNode;
import org.kairan.app.nls.Messages;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.UnitKind;

/** The texts of a tree row, column by column, in the UI language. */
final class DirectoryLabels {

    private final Messages messages;

    DirectoryLabels(Messages messages) {
        this.messages = messages;
    }

    String name(DirectoryNode node) {
        return switch (node) {
            case UnitNode u -> u.unit().name();
            case PostNode p -> p.member().name();
        };
    }

    String position(DirectoryNode node) {
        return switch (node) {
            case UnitNode u -> unitKind(u.unit().kind());
            case PostNode p -> p.assignment().kind() == AssignmentKind.CONCURRENT
                    ? p.assignment().position() + "（" + messages.directory_concurrent + "）"
                    : p.assignment().position();
        };
    }

    String staffNo(DirectoryNode node) {
        return node instanceof PostNode p ? p.member().staffNo() : "";
    }

    String unitKind(UnitKind kind) {
        return switch (kind) {
            case BUREAU -> messages.unitKind_BUREAU;
            case DEPARTMENT -> messages.unitKind_DEPARTMENT;
            case DIVISION -> messages.unitKind_DIVISION;
            case SECTION -> messages.unitKind_SECTION;
        };
    }
}
