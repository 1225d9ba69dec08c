package org.exportguard.lists;

/** The list file formats ExportGuard reads, as recognised from a file's content by {@link FormatDetector}. */
public enum ListFormat {
    /** OFAC legacy CSV set: the primary (entries) file, 12 columns, no header. */
    OFAC_CSV("ofac-csv"),
    /** OFAC alt.csv / cons_alt.csv companion (aliases), 5 columns. */
    OFAC_ALT("ofac-csv-alt"),
    /** OFAC add.csv / cons_add.csv companion (addresses), 6 columns. */
    OFAC_ADD("ofac-csv-add"),
    /** OFAC sdn_comments.csv / cons_comments.csv companion (remarks continuations), 2 columns. */
    OFAC_COMMENTS("ofac-csv-comments"),
    /** US Consolidated Screening List, CSV (old header starting "source,entity_number" or current one "_id"). */
    CSL_CSV("csl-csv"),
    /** US Consolidated Screening List, JSON ({"results": [...]} or a top-level array). */
    CSL_JSON("csl-json"),
    /** UN Security Council consolidated list, XML. */
    UN_XML("un-xml"),
    /** BIS Denied Persons List, tab-separated with a header. */
    DPL_TSV("dpl-tsv"),
    /** EU Financial Sanctions Files, XML ("xmlFullSanctionsList_1_1": root {@code export}, {@code sanctionEntity}). */
    EU_FSF_XML("eu-fsf-xml"),
    /** UK Sanctions List (FCDO), XML (root {@code Designations}, {@code Designation}). */
    UK_SL_XML("uk-sl-xml"),
    /** FollowTheMoney entities, one JSON object a line (OpenSanctions {@code entities.ftm.json}, nested or flat). */
    FTM_JSON("ftm-json");

    private final String label;

    ListFormat(String label) {
        this.label = label;
    }

    /** The label used in {@code PartyList.format()} and by the CLI. */
    public String label() {
        return label;
    }

    /** True for the OFAC files that only make sense together with a primary file. */
    public boolean isOfacCompanion() {
        return this == OFAC_ALT || this == OFAC_ADD || this == OFAC_COMMENTS;
    }

    /** True for any part of an OFAC CSV set. */
    public boolean isOfac() {
        return this == OFAC_CSV || isOfacCompanion();
    }
}
