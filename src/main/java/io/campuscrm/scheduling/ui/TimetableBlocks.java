package io.campuscrm.scheduling.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.timetable.TimetableBlock;

/** Sessions as week-timetable blocks ({@link ScheduledSession#asBlock}), remembering each block's class for a click. */
final class TimetableBlocks {

    private final boolean roomShown;
    private final String listSeparator;
    private final Map<String, Long> classOfBlock = new HashMap<>();

    /**
     * @param roomShown false on a room's own timetable, where every block would name the same room
     * @param in the component (or UI) the blocks are shown in, whose language separates the teachers' names
     */
    TimetableBlocks(boolean roomShown, Component in) {
        this.roomShown = roomShown;
        this.listSeparator = Lists.separator(in.getUI().orElseGet(UI::getCurrent).getLocale());
    }

    List<TimetableBlock> of(List<ScheduledSession> sessions) {
        classOfBlock.clear();
        return sessions.stream().map(s -> {
            String id = String.valueOf(s.sessionId());
            classOfBlock.put(id, s.classId());
            return s.asBlock(roomShown, listSeparator);
        }).toList();
    }

    Optional<Long> classOf(String blockId) {
        return Optional.ofNullable(classOfBlock.get(blockId));
    }
}
