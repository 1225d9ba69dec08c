package org.exportguard.policy.pack;

/** Whether a country is in a group on a date: the data may not be able to say. */
public enum Membership {
    MEMBER, NOT_MEMBER, UNKNOWN
}
