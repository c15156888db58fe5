package io.campuscrm.scheduling.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RoomRepository extends JpaRepository<RoomEntity, Long> {

    Optional<RoomEntity> findByCampusIdAndNameIgnoreCase(long campusId, String name);

    /**
     * {@code text} is a lower-case {@code LIKE} pattern over the name; {@code allCampuses} false limits the list to
     * {@code campusIds} (the user's campuses).
     */
    @Query("""
            select r from RoomEntity r
            where (:campusId is null or r.campusId = :campusId)
              and (:allCampuses = true or r.campusId in :campusIds)
              and (:text is null or lower(r.name) like :text)
              and (:active is null or r.active = :active)
            """)
    Slice<RoomEntity> search(@Nullable Long campusId, boolean allCampuses, Collection<Long> campusIds,
            @Nullable String text, @Nullable Boolean active, Pageable page);

    List<RoomEntity> findByCampusIdAndActiveTrueOrderByName(long campusId);
}
