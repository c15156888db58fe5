package io.campuscrm.institution.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SettingValueRepository extends JpaRepository<SettingValueEntity, Long> {

    /** The institution's row of a key when {@code campusId} is null, else the campus's. */
    @Query("select s from SettingValueEntity s where s.settingKey = :key and "
            + "(s.campusId = :campusId or (:campusId is null and s.campusId is null))")
    Optional<SettingValueEntity> findSlot(String key, @Nullable Long campusId);
}
