package org.exportguard.cli;

import org.exportguard.core.model.PartyList;
import org.exportguard.lists.ListFormatException;
import org.exportguard.store.PolicyValidator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every command shares: the output streams, where lists come from, whether stderr is a terminal. */
public final class Context {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ListSource lists;
    private final boolean interactive;
    private final PolicyValidator policyValidator;

    public Context(PrintWriter out, PrintWriter err, ListSource lists, boolean interactive) {
        this(out, err, lists, interactive, PolicyValidator.NONE);
    }

    /** {@code policyValidator}: how {@code policy import} checks a pack before storing it. */
    public Context(PrintWriter out, PrintWriter err, ListSource lists, boolean interactive,
                   PolicyValidator policyValidator) {
        this.out = out;
        this.err = err;
        this.lists = lists;
        this.interactive = interactive;
        this.policyValidator = policyValidator;
    }

    public PrintWriter out() { return out; }
    public PrintWriter err() { return err; }
    public boolean interactive() { return interactive; }
    public PolicyValidator policyValidator() { return policyValidator; }

    /** Loads every path, all or nothing; any list problem becomes a one-line {@link UserException}. */
    public List<PartyList> loadLists(List<Path> paths) throws UserException {
        List<PartyList> all = new ArrayList<>();
        for (Path p : paths) {
            all.addAll(loadList(p));
        }
        return all;
    }

    public List<PartyList> loadList(Path p) throws UserException {
        if (!Files.exists(p)) {
            throw UserException.at(p, 0, null, "no such file or folder");
        }
        try {
            return lists.load(p);
        } catch (ListFormatException e) {
            throw new UserException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw UserException.at(Path.of(e.getFile()), 0, null, "no such file or folder");
        } catch (IOException e) {
            throw UserException.at(p, 0, null, "cannot read: " + e.getMessage());
        }
    }
}
