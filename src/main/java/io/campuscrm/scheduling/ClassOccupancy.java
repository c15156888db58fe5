package io.campuscrm.scheduling;

/**
 * How full a class is: {@code places} is the smaller of the class's capacity and its room's, the most students it may
 * hold.
 */
public record ClassOccupancy(long classId, int places, int enrolled, int waiting, boolean waitingListEnabled) {

    public int free() {
        return Math.max(0, places - enrolled);
    }
}
