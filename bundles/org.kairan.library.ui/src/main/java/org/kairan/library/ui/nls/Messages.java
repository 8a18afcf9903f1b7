package org.kairan.library.ui.nls;

/**
 * Every user-visible text of the 文書庫 view. Filled by e4's message factory from
 * {@code OSGI-INF/l10n/bundle*.properties} of this bundle (Japanese by default, English for English locales);
 * get it with {@code @Inject @Translation Messages}. Texts with arguments are {@link java.text.MessageFormat}
 * patterns. Keep the fields in step with the properties files (the tests check).
 */
public class Messages {
    public String library_unit;
    public String library_addFiles;
    public String library_addFolder;
    public String library_newVersion;
    public String library_edit;
    public String library_openFile;
    public String library_noApplication;
    public String library_officeNoPreview;
    public String library_count;
    public String library_dropHint;
    public String library_col_title;
    public String library_col_file;
    public String library_col_version;
    public String library_col_pages;
    public String library_col_year;
    public String library_col_class;
    public String library_col_state;
    public String library_state_PREPARING;
    public String library_state_NOT_ACCEPTED;
    public String library_state_QUEUED;
    public String library_state_SENDING;
    public String library_state_REFUSED;
    public String library_state_PENDING;
    public String library_state_EXTRACTING;
    public String library_state_OCR;
    public String library_state_EXTRACTED;
    public String library_state_OCR_DONE;
    public String library_state_FAILED;
    public String library_empty;
    public String library_tooLarge;
    public String library_unreadable;
    public String library_notMember;
    public String library_someRefused;
    public String library_added;
    public String library_addJob;
    public String library_loadJob;
    public String library_openJob;
    public String library_openFailed;
    public String library_notShown;
    public String library_filesTitle;
    public String library_folderTitle;
    public String library_folderMessage;
    public String library_newVersionTitle;
    public String library_nothingSelected;
    public String library_detail_title;
    public String library_detail_unit;
    public String library_detail_class;
    public String library_detail_year;
    public String library_detail_tags;
    public String library_detail_retention;
    public String library_detail_keptUntil;
    public String library_detail_created;
    public String library_detail_reason;
    public String library_detail_permanent;
    public String library_detail_years;
    public String library_versions;
    public String library_ver_number;
    public String library_ver_file;
    public String library_ver_pages;
    public String library_ver_by;
    public String library_ver_at;
    public String library_ver_state;
    public String library_editTitle;
    public String library_editMessage;
    public String library_edit_title;
    public String library_edit_class;
    public String library_edit_year;
    public String library_edit_tags;
    public String library_edit_tagsHint;
    public String library_edit_retention;
    public String library_edit_retentionOfClass;
    public String library_edit_refused;
    public String library_imagePreviewFailed;
}
