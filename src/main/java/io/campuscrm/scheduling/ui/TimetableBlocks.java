package io.campuscrm.scheduling.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.SessionTags;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.timetable.TimetableBlock;

/**
 * Sessions as week-timetable blocks ({@link ScheduledSession#asBlock}), remembering each block's class for a click;
 * the tags other modules put on sessions ({@link SessionTags}, a trial lesson's guests) follow the subtitle.
 */
final class TimetableBlocks {

    private final boolean roomShown;
    private final String listSeparator;
    private final Component in;
    private final List<SessionTags> tagSources;
    private final Map<String, Long> classOfBlock = new HashMap<>();

    /**
     * @param roomShown false on a room's own timetable, where every block would name the same room
     * @param in the component (or UI) the blocks are shown in, whose language separates the teachers' names
     */
    TimetableBlocks(boolean roomShown, Component in) {
        this(roomShown, in, List.of());
    }

    TimetableBlocks(boolean roomShown, Component in, List<SessionTags> tagSources) {
        this.roomShown = roomShown;
        this.in = in;
        this.tagSources = tagSources;
        this.listSeparator = Lists.separator(in.getUI().orElseGet(UI::getCurrent).getLocale());
    }

    List<TimetableBlock> of(List<ScheduledSession> sessions) {
        classOfBlock.clear();
        Map<Long, StringBuilder> tags = new HashMap<>();
        if (!tagSources.isEmpty() && !sessions.isEmpty()) {
            var ids = sessions.stream().filter(s -> !s.cancelled()).map(ScheduledSession::sessionId).toList();
            for (var source : tagSources) {
                source.tags(ids).forEach((id, tag) -> tags.computeIfAbsent(id, k -> new StringBuilder())
                        .append(" · ").append(in.getTranslation(tag.labelKey(), tag.count())));
            }
        }
        return sessions.stream().map(s -> {
            String id = String.valueOf(s.sessionId());
            classOfBlock.put(id, s.classId());
            var block = s.asBlock(roomShown, listSeparator);
            var tag = tags.get(s.sessionId());
            return tag == null ? block : new TimetableBlock(block.id(), block.title(),
                    (block.subtitle() == null ? "" : block.subtitle()) + tag, block.start(), block.end(),
                    block.colorKey(), block.cancelled());
        }).toList();
    }

    Optional<Long> classOf(String blockId) {
        return Optional.ofNullable(classOfBlock.get(blockId));
    }
}
